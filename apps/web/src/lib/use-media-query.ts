import { useCallback, useSyncExternalStore } from 'react'

/**
 * Whether a CSS media query matches, following changes (rotation, window resize). Without
 * `matchMedia` (jsdom) it answers `fallback`, so component tests see the wide layout.
 */
export function useMediaQuery(query: string, fallback = true): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => undefined
      const mq = window.matchMedia(query)
      mq.addEventListener('change', onChange)
      return () => mq.removeEventListener('change', onChange)
    },
    [query],
  )
  const read = () =>
    typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : fallback
  return useSyncExternalStore(subscribe, read, () => fallback)
}

/** Tailwind's `md`: from here on the lists are tables; below, cards. */
export const WIDE_LIST = '(min-width: 768px)'
