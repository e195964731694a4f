import { hasRole } from '@ops-console/contracts'
import { ScriptsPage } from '../../features/scripts/components/scripts-page.js'
import { scriptsRoute } from './scripts.js'

export function ScriptsView() {
  const { user } = scriptsRoute.useRouteContext()
  return <ScriptsPage canOperate={hasRole(user.role, 'operator')} />
}
