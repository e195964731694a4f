import { useEffect, useState } from 'react'

/** A deadline and the moment it was set (both from Date.now() in an event handler). */
export interface Deadline {
  until: number
  setAt: number
}

/** Seconds left until the deadline (0 when past), ticking once a second while positive. */
export function useCountdown(deadline: Deadline | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (deadline === null) return
    const t = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(t)
  }, [deadline])
  if (deadline === null) return 0
  // `now` may predate the deadline (no tick yet); never count from before it was set.
  const current = Math.max(now, deadline.setAt)
  return Math.max(0, Math.ceil((deadline.until - current) / 1000))
}
