import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router'
import { authQueries } from '../../features/auth/api/auth-queries.js'
import { rootRoute } from './root.js'

/**
 * Every page except sign-in: requires a session, and a changed password. The shell (nav, toasts,
 * tooltips, the action watcher) is a lazy chunk so the sign-in path does not download it.
 */
export const appLayoutRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(authQueries.me())
    if (!me.user || me.mustChangePassword) {
      throw redirect({ to: '/login', search: { redirect: location.href } })
    }
    return { user: me.user }
  },
  component: lazyRouteComponent(() => import('../app-shell.js'), 'AppShell'),
})
