import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, unwrap } from '../../../lib/api-client.js'
import { authKeys } from './auth-queries.js'

export interface ChangePasswordBody {
  currentPassword: string
  newPassword: string
}

/** `POST /api/auth/password` is not in the API table yet; this is the route the web expects. */
export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => unwrap(api.post('/auth/password', body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.all }),
  })
}
