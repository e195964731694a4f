import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'

/**
 * What every screen, sign-in included, needs around it. Tooltips and toasts (Radix, floating-ui)
 * live in `UiProviders` inside the lazily loaded app shell, so the sign-in path doesn't load them.
 */
export function Providers({
  queryClient,
  children,
}: {
  queryClient: QueryClient
  children: ReactNode
}) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
