import { MeResponse } from '@ops-console/contracts'
import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
}

export const authQueries = {
  me: () =>
    queryOptions({
      queryKey: authKeys.me(),
      queryFn: ({ signal }) => unwrap(api.get('/auth/me', undefined, signal), MeResponse),
      staleTime: 60_000,
    }),
}
