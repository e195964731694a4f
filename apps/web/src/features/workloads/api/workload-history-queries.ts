import { AuditEntry, type WorkloadAuditEntry } from '@ops-console/contracts'
import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { api, unwrap } from '../../../lib/api-client.js'
import { workloadKeys, type WorkloadRefLike } from './workload-queries.js'

/** Newest actions shown in the detail panel; the audit view has the rest. */
export const HISTORY_LIMIT = 20

const HistoryPage = z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() })

export const workloadHistoryQueries = {
  /** Every audited action on one workload (`GET /api/audit` filtered by the workload). */
  history: (ref: WorkloadRefLike) =>
    queryOptions({
      // Under the workload's detail key: a stop or delete refreshes it with the detail.
      queryKey: [...workloadKeys.detail(ref), 'history'] as const,
      queryFn: async ({ signal }) => {
        const page = await unwrap(
          api.get(
            '/audit',
            { kind: ref.kind, target: ref.target, workloadId: ref.id, limit: HISTORY_LIMIT },
            signal,
          ),
          HistoryPage,
        )
        return {
          items: page.items.filter((e): e is WorkloadAuditEntry => e.type === 'action'),
          more: page.nextCursor !== null,
        }
      },
    }),
}
