import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { AuditSearch } from '../../features/audit/api/audit-search.js'
import { appLayoutRoute } from './app-layout.js'

/** Search validation stays here (needed to match the URL); the page is a lazy chunk. */
export const auditRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: '/audit',
  validateSearch: AuditSearch,
  component: lazyRouteComponent(() => import('./audit-view.js'), 'AuditView'),
})
