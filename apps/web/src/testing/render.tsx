import { render } from '@testing-library/react'
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  RouterProvider,
  type AnyRouter,
} from '@tanstack/react-router'
import type { QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Providers } from '../app/providers.js'
import { UiProviders } from '../app/ui-providers.js'
import { createQueryClient } from '../lib/query-client.js'

/** The app's providers plus the shell's tooltips and toasts. */
function AllProviders({
  queryClient,
  children,
}: {
  queryClient: QueryClient
  children: ReactNode
}) {
  return (
    <Providers queryClient={queryClient}>
      <UiProviders>{children}</UiProviders>
    </Providers>
  )
}

/** Renders `ui` with a fresh QueryClient (no retries), tooltips and toasts. */
export function renderWithProviders(ui: ReactNode) {
  const queryClient = createQueryClient({ retry: false })
  const result = render(<AllProviders queryClient={queryClient}>{ui}</AllProviders>)
  // Re-render with new props inside the same providers (and the same cache).
  const rerender = (next: ReactNode) =>
    result.rerender(<AllProviders queryClient={queryClient}>{next}</AllProviders>)
  return { queryClient, ...result, rerender }
}

/** Same, inside a memory router so components with <Link> render real hrefs. */
export function renderWithRouter(ui: ReactNode, path = '/') {
  const queryClient = createQueryClient({ retry: false })
  const rootRoute = createRootRoute({ component: () => ui })
  const router = createRouter({
    routeTree: rootRoute,
    history: createMemoryHistory({ initialEntries: [path] }),
  }) as unknown as AnyRouter
  return {
    queryClient,
    router,
    ...render(
      <AllProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AllProviders>,
    ),
  }
}
