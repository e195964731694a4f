import { hasRole } from '@ops-console/contracts'
import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router'
import { appLayoutRoute } from './app-layout.js'

/** Admins only (the BFF refuses everyone else too); the page is a lazy chunk. */
export const cloudCheckRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: '/cloud-check',
  beforeLoad: ({ context }) => {
    if (!hasRole(context.user.role, 'admin')) throw redirect({ to: '/' })
  },
  component: lazyRouteComponent(() => import('./cloud-check-view.js'), 'CloudCheckView'),
})
