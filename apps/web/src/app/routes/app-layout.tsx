import { createRoute, redirect } from '@tanstack/react-router'
import { authQueries } from '../../features/auth/api/auth-queries.js'
import { AppShell } from '../app-shell.js'
import { rootRoute } from './root.js'

/** Every page except sign-in: requires a session, and a changed password. */
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
  component: AppShell,
})
