import { createRoute, lazyRouteComponent } from '@tanstack/react-router'
import { appLayoutRoute } from './app-layout.js'

export const scriptsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: '/scripts',
  component: lazyRouteComponent(() => import('./scripts-view.js'), 'ScriptsView'),
})
