import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router'
import { SignInError } from '@ops-console/contracts'
import { z } from 'zod'
import { authQueries } from '../../features/auth/api/auth-queries.js'
import { rootRoute } from './root.js'

export const LoginSearch = z.object({
  redirect: z.string().startsWith('/').optional().catch(undefined),
  /** Set by the BFF when single sign-on failed; unknown codes are dropped. */
  error: SignInError.optional().catch(undefined),
})

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: LoginSearch,
  // Already signed in (and done with any password change): nothing to do here.
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(authQueries.me())
    if (me.user && !me.mustChangePassword) throw redirect({ to: '/' })
  },
  // A small chunk of its own: the sign-in path loads neither the shell nor any page.
  component: lazyRouteComponent(() => import('./login-view.js'), 'LoginView'),
})
