import { SourceStatus, WorkloadKind, WorkloadState } from '@ops-console/contracts'
import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { api, unwrap } from '../../../lib/api-client.js'

export const Overview = z.object({
  counts: z.array(z.object({ kind: WorkloadKind, state: WorkloadState, count: z.number().int() })),
  sources: z.array(SourceStatus),
})
export type Overview = z.infer<typeof Overview>

export const overviewKeys = {
  // Under the workloads prefix so stop/delete invalidation refreshes the overview too.
  all: ['workloads', 'overview'] as const,
}

export const overviewQueries = {
  overview: () =>
    queryOptions({
      queryKey: overviewKeys.all,
      queryFn: ({ signal }) => unwrap(api.get('/workloads/overview', undefined, signal), Overview),
      refetchInterval: 30_000,
    }),
}
