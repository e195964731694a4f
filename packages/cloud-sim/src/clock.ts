/**
 * The simulator clock. In 'manual' mode time only moves via advance(), so lifecycle tests are
 * exact; in 'real' mode it follows Date.now() (advance() still skips ahead, handy in demos).
 */
export interface SimClock {
  now(): number
  advance(ms: number): void
  mode: 'real' | 'manual'
}

/** 2026-01-01T00:00:00Z: a fixed default so manual-clock worlds are identical run to run. */
export const DEFAULT_MANUAL_START = Date.UTC(2026, 0, 1)

export function createClock(mode: 'real' | 'manual', startTime?: number): SimClock {
  if (mode === 'manual') {
    let current = startTime ?? DEFAULT_MANUAL_START
    return {
      mode,
      now: () => current,
      advance: (ms) => {
        current += Math.max(0, ms)
      },
    }
  }
  let offset = startTime === undefined ? 0 : startTime - Date.now()
  return {
    mode,
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += Math.max(0, ms)
    },
  }
}
