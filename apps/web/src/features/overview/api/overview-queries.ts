import { WorkloadOverview } from '@ops-console/contracts'
import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'

export type Overview = WorkloadOverview

/** Overview refresh period while the live stream is down. */
export const OVERVIEW_POLL_MS = 30_000

export const overviewKeys = {
  // Under the workloads prefix so stop/delete invalidation refreshes the overview too.
  all: ['workloads', 'overview'] as const,
}

export const overviewQueries = {
  overview: () =>
    queryOptions({
      queryKey: overviewKeys.all,
      queryFn: ({ signal }) =>
        unwrap(api.get('/workloads/overview', undefined, signal), WorkloadOverview),
    }),
}
