import { TargetList } from '@ops-console/contracts'
import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from './api-client.js'

const TargetsResponse = TargetList.transform((l) => l.targets)

/** Shared by every screen with a target picker (lists, scripts). */
export const targetQueries = {
  all: () =>
    queryOptions({
      queryKey: ['targets'] as const,
      queryFn: ({ signal }) => unwrap(api.get('/targets', undefined, signal), TargetsResponse),
      staleTime: 5 * 60_000,
    }),
}
