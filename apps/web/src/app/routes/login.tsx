import { createRoute, redirect, useRouter } from '@tanstack/react-router'
import { z } from 'zod'
import { authQueries } from '../../features/auth/api/auth-queries.js'
import { LoginPage } from '../../features/auth/components/login-page.js'
import { rootRoute } from './root.js'

const LoginSearch = z.object({ redirect: z.string().startsWith('/').optional().catch(undefined) })

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: LoginSearch,
  // Already signed in (and done with any password change): nothing to do here.
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(authQueries.me())
    if (me.user && !me.mustChangePassword) throw redirect({ to: '/' })
  },
  component: LoginRoute,
})

function LoginRoute() {
  const { redirect } = loginRoute.useSearch()
  const router = useRouter()
  // Only same-app paths are accepted as redirect targets (no open redirect).
  const done = () => void router.navigate({ href: redirect && !redirect.startsWith('//') ? redirect : '/' })
  return <LoginPage onDone={done} />
}
