import { QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from './api-error.js'

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError
  }
}

/** 4xx answers won't change on retry; network errors and 5xx get two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.isClientError) return false
  return failureCount < 2
}

/**
 * One client per app (and per test). `onUnauthenticated` runs when any query gets a 401, so an
 * expired session sends the user back to sign-in.
 */
export function createQueryClient(
  opts: { retry?: boolean; onUnauthenticated?: () => void } = {},
): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) opts.onUnauthenticated?.()
      },
    }),
    defaultOptions: {
      queries: {
        retry: opts.retry === false ? false : shouldRetry,
        staleTime: 5_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  })
}
