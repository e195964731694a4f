import { hasRole } from '@ops-console/contracts'
import { createRoute } from '@tanstack/react-router'
import { useCallback } from 'react'
import { AuditSearch } from '../../features/audit/api/audit-search.js'
import { AuditPage } from '../../features/audit/components/audit-page.js'
import { appLayoutRoute } from './app-layout.js'

export const auditRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: '/audit',
  validateSearch: AuditSearch,
  component: AuditRoute,
})

function AuditRoute() {
  const search = auditRoute.useSearch()
  const navigate = auditRoute.useNavigate()
  const { user } = auditRoute.useRouteContext()
  const onSearchChange = useCallback((patch: Partial<AuditSearch>) => void navigate({ search: (old) => ({ ...old, ...patch }), replace: true }), [navigate])
  return <AuditPage search={search} onSearchChange={onSearchChange} canExport={hasRole(user.role, 'admin')} />
}
