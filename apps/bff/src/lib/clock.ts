/** Injected time source so tests can move time (session timeouts, rate limits, audit timestamps). */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock tests can advance by hand. */
export function manualClock(
  start = '2026-01-01T00:00:00.000Z',
): Clock & { advance(ms: number): void; set(iso: string): void } {
  let t = Date.parse(start)
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms
    },
    set: (iso) => {
      t = Date.parse(iso)
    },
  }
}
