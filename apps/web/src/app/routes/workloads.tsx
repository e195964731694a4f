import { WorkloadKind } from '@ops-console/contracts'
import { createRoute, lazyRouteComponent, notFound } from '@tanstack/react-router'
import { WorkloadSearch } from '../../features/workloads/api/workload-search.js'
import { appLayoutRoute } from './app-layout.js'

// The list pages (virtualised table, dialogs) are one lazy chunk shared by both routes.
const loadView = () => import('./workloads-view.js')

export const workloadsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: '/workloads',
  validateSearch: WorkloadSearch,
  component: lazyRouteComponent(loadView, 'AllWorkloadsView'),
})

export const workloadsKindRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: '/workloads/$kind',
  validateSearch: WorkloadSearch,
  params: {
    parse: ({ kind }) => {
      const parsed = WorkloadKind.safeParse(kind)
      if (!parsed.success) throw notFound()
      return { kind: parsed.data }
    },
    stringify: ({ kind }) => ({ kind }),
  },
  component: lazyRouteComponent(loadView, 'KindWorkloadsView'),
})
