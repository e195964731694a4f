import { hasRole } from '@ops-console/contracts'
import { createRoute } from '@tanstack/react-router'
import { ScriptsPage } from '../../features/scripts/components/scripts-page.js'
import { appLayoutRoute } from './app-layout.js'

export const scriptsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: '/scripts',
  component: ScriptsRoute,
})

function ScriptsRoute() {
  const { user } = scriptsRoute.useRouteContext()
  return <ScriptsPage canOperate={hasRole(user.role, 'operator')} />
}
