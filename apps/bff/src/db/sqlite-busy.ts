/**
 * SQLite's own busy handler sleeps inside the synchronous better-sqlite3 call, which freezes the
 * whole event loop for up to `busy_timeout`. Every connection here runs with `busy_timeout = 0`
 * instead: a locked database answers SQLITE_BUSY at once, and the caller retries on a timer.
 */

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, _RECOVERY, _TIMEOUT) and SQLITE_LOCKED. */
export function isSqliteBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED')
}

/** Thrown when the database stayed locked until the caller's deadline. */
export class DatabaseBusyError extends Error {
  readonly code = 'SQLITE_BUSY'
  constructor(waitedMs: number, options?: ErrorOptions) {
    super(`the database stayed locked by another writer for ${Math.round(waitedMs)} ms`, options)
    this.name = 'DatabaseBusyError'
  }
}

export type Sleep = (ms: number) => Promise<void>
export const timerSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** First retry after 2 ms, doubling up to 25 ms: quick after a short lock, cheap during a long one. */
const FIRST_DELAY_MS = 2
const MAX_DELAY_MS = 25

/**
 * Runs `attempt` (synchronous, one short SQLite call) until it does not report SQLITE_BUSY, with
 * timer-based back-off in between, until `deadline` (a `performance.now()` instant).
 */
export async function retryWhileBusy<T>(
  attempt: () => T,
  deadline: number,
  sleep: Sleep = timerSleep,
): Promise<T> {
  const started = performance.now()
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      return attempt()
    } catch (err) {
      if (!isSqliteBusy(err)) throw err
      const left = deadline - performance.now()
      if (left <= 0) throw new DatabaseBusyError(performance.now() - started, { cause: err })
      await sleep(Math.min(delay, left))
    }
  }
}
