import type { QueryClient } from '@tanstack/react-query'
import { createRouter } from '@tanstack/react-router'
import { appLayoutRoute } from './routes/app-layout.js'
import { auditRoute } from './routes/audit.js'
import { cloudCheckRoute } from './routes/cloud-check.js'
import { loginRoute } from './routes/login.js'
import { overviewRoute } from './routes/overview.js'
import { rootRoute } from './routes/root.js'
import { scriptsRoute } from './routes/scripts.js'
import { workloadsKindRoute, workloadsRoute } from './routes/workloads.js'

const routeTree = rootRoute.addChildren([
  loginRoute,
  appLayoutRoute.addChildren([
    overviewRoute,
    workloadsRoute,
    workloadsKindRoute,
    scriptsRoute,
    auditRoute,
    cloudCheckRoute,
  ]),
])

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Loaders read through TanStack Query, which owns caching.
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  })
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>
  }
}
