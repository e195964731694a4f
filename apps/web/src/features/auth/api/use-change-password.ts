import { MeResponse, type ChangePasswordBody } from '@ops-console/contracts'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'
import { authKeys } from './auth-queries.js'

export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => unwrap(api.post('/auth/password', body), MeResponse),
    onSuccess: (me) => queryClient.setQueryData(authKeys.me(), me),
  })
}
