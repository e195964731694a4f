import { AuditEntry } from '@ops-console/contracts'
import { infiniteQueryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { api, apiUrl, unwrap } from '../../../lib/api-client.js'
import type { AuditFilters } from './audit-search.js'

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  nextCursor: z.string().nullable().optional(),
})
export type AuditPage = z.infer<typeof AuditPage>

export const PAGE_SIZE = 50

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, 'list', filters] as const,
}

export const auditQueries = {
  /** Keyset pagination: each page hands back the cursor for the next ("Load more"). */
  list: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: auditKeys.list(filters),
      queryFn: ({ pageParam, signal }) =>
        unwrap(
          api.get('/audit', { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal),
          AuditPage,
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
}

export function exportUrl(filters: AuditFilters, format: 'csv' | 'json'): string {
  return apiUrl('/audit/export', { ...filters, format })
}
