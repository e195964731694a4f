import { useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import { api, unwrap } from '../../../lib/api-client.js'
import { SessionUser } from '@ops-console/contracts'
import { authKeys } from './auth-queries.js'

const LoginResponse = z.looseObject({
  user: SessionUser.optional(),
  mustChangePassword: z.boolean().optional(),
})

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => unwrap(api.post('/auth/login', body), LoginResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.all }),
  })
}
