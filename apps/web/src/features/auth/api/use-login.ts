import { MeResponse } from '@ops-console/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'
import { authKeys } from './auth-queries.js'

/** Login answers like `/me`, so the cache is primed without another round trip. */
export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      unwrap(api.post('/auth/login', body), MeResponse),
    onSuccess: (me) => queryClient.setQueryData(authKeys.me(), me),
  })
}
