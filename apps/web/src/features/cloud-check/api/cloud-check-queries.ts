import { CloudCheckReport } from '@ops-console/contracts'
import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'

export const cloudCheckKeys = {
  all: ['cloud-check'] as const,
}

export const cloudCheckQueries = {
  /**
   * The check signs a call per service: run it when the page opens and when asked, never in the
   * background (the BFF reuses a result for 30 s anyway).
   */
  report: () =>
    queryOptions({
      queryKey: cloudCheckKeys.all,
      queryFn: ({ signal }) => unwrap(api.get('/cloud-check', undefined, signal), CloudCheckReport),
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
}
