import { createRoute, useRouter } from '@tanstack/react-router'
import { z } from 'zod'
import { LoginPage } from '../../features/auth/components/login-page.js'
import { rootRoute } from './root.js'

const LoginSearch = z.object({ redirect: z.string().startsWith('/').optional().catch(undefined) })

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: LoginSearch,
  component: LoginRoute,
})

function LoginRoute() {
  const { redirect } = loginRoute.useSearch()
  const router = useRouter()
  // Only same-app paths are accepted as redirect targets (no open redirect).
  const done = () => void router.navigate({ href: redirect && !redirect.startsWith('//') ? redirect : '/' })
  return <LoginPage onDone={done} />
}
