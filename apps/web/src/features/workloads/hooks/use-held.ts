import { useCallback, useState } from 'react'

interface Held<T> {
  value: T
  key: string
}

/**
 * While `hold` is on, keeps returning the value `key` had when hold began (live patches and
 * refetches don't move rows under a paused user) until `take` replaces it, e.g. on "Refresh now".
 * A new `key` (another filter) is held once `ready` (its own data, not a placeholder).
 */
export function useHeld<T>(
  value: T,
  hold: boolean,
  key: string,
  ready: boolean,
): [T, (next: T) => void] {
  const [held, setHeld] = useState<Held<T> | null>(null)
  // Adjusting state while rendering (React's "storing information from previous renders").
  if (hold && ready && held?.key !== key) setHeld({ value, key })
  if (!hold && held !== null) setHeld(null)
  const take = useCallback((next: T) => setHeld((h) => (h ? { ...h, value: next } : h)), [])
  return [hold && held?.key === key ? held.value : value, take]
}
