import { createRoute } from '@tanstack/react-router'
import { OverviewPage } from '../../features/overview/components/overview-page.js'
import { appLayoutRoute } from './app-layout.js'

export const overviewRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: '/',
  component: OverviewPage,
})
