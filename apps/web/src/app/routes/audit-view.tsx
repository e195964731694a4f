import { hasRole } from '@ops-console/contracts'
import { useCallback } from 'react'
import type { AuditSearch } from '../../features/audit/api/audit-search.js'
import { AuditPage } from '../../features/audit/components/audit-page.js'
import { auditRoute } from './audit.js'

export function AuditView() {
  const search = auditRoute.useSearch()
  const navigate = auditRoute.useNavigate()
  const { user } = auditRoute.useRouteContext()
  const onSearchChange = useCallback(
    (patch: Partial<AuditSearch>) =>
      void navigate({ search: (old) => ({ ...old, ...patch }), replace: true }),
    [navigate],
  )
  return (
    <AuditPage
      search={search}
      onSearchChange={onSearchChange}
      canExport={hasRole(user.role, 'admin')}
    />
  )
}
