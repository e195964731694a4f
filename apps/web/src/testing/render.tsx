import { render } from '@testing-library/react'
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider, type AnyRouter } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { Providers } from '../app/providers.js'
import { createQueryClient } from '../lib/query-client.js'

/** Renders `ui` with a fresh QueryClient (no retries), tooltips and toasts. */
export function renderWithProviders(ui: ReactNode) {
  const queryClient = createQueryClient({ retry: false })
  const result = render(<Providers queryClient={queryClient}>{ui}</Providers>)
  // Re-render with new props inside the same providers (and the same cache).
  const rerender = (next: ReactNode) => result.rerender(<Providers queryClient={queryClient}>{next}</Providers>)
  return { queryClient, ...result, rerender }
}

/** Same, inside a memory router so components with <Link> render real hrefs. */
export function renderWithRouter(ui: ReactNode, path = '/') {
  const queryClient = createQueryClient({ retry: false })
  const rootRoute = createRootRoute({ component: () => ui })
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: [path] }) }) as unknown as AnyRouter
  return {
    queryClient,
    router,
    ...render(
      <Providers queryClient={queryClient}>
        <RouterProvider router={router} />
      </Providers>,
    ),
  }
}
