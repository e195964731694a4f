import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appLayoutRoute } from './app-layout.js'

export const overviewRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: '/',
  component: lazyRouteComponent(
    () => import('../../features/overview/components/overview-page.js'),
    'OverviewPage',
  ),
})
