import { useEffect, useState } from 'react'

/** Seconds left until `untilMs` (0 when past), ticking once a second while positive. */
export function useCountdown(untilMs: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (untilMs === null) return
    const t = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(t)
  }, [untilMs])
  if (untilMs === null) return 0
  return Math.max(0, Math.ceil((untilMs - now) / 1000))
}
