import { SessionUser } from '@ops-console/contracts'
import { queryOptions } from '@tanstack/react-query'
import { z } from 'zod'
import { api, unwrap } from '../../../lib/api-client.js'

/**
 * `GET /api/auth/me`. Defaults keep the sign-in page usable if an older BFF omits a flag;
 * `mustChangePassword` is true until a local user with a one-time password has set their own.
 */
export const MeResponse = z.object({
  user: SessionUser.nullable(),
  demoMode: z.boolean().default(false),
  oidc: z.boolean().default(false),
  mustChangePassword: z.boolean().default(false),
})
export type MeResponse = z.infer<typeof MeResponse>

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
