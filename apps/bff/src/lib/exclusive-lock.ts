import type pg from 'pg'
import type { Logger } from './logger.js'

/** classid of the reconciliation lock; its objid is `hashtext(current_schema())`, so schemas never share it. */
export const RECONCILE_LOCK_NS = 0x6f707302
const POLL_MS = 100

export interface ExclusiveOptions {
  /** How long to keep trying when another holder has the lock (default 0: one attempt). */
  waitMs?: number
}

export interface ExclusiveLock {
  /** Runs `fn` as the only holder; null when the lock stayed taken for all of `waitMs`. */
  run<T>(fn: () => Promise<T>, opts?: ExclusiveOptions): Promise<T | null>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Retries `attempt` every POLL_MS (real time) until it succeeds or `waitMs` has passed. */
async function retryFor(
  waitMs: number,
  attempt: () => Promise<boolean> | boolean,
): Promise<boolean> {
  const deadline = performance.now() + waitMs
  for (;;) {
    if (await attempt()) return true
    if (performance.now() >= deadline) return false
    await sleep(POLL_MS)
  }
}

/**
 * One holder at a time. On PostgreSQL a session-level advisory lock on a connection of its own,
 * taken per run: it spans every replica, and if the holder dies mid-run the server frees the lock
 * with its connection. Without `newClient` (SQLite: one process) an in-process flag is enough.
 */
export function createExclusiveLock(
  newClient: (() => pg.Client) | null,
  log: Logger,
): ExclusiveLock {
  let localBusy = false
  return {
    async run(fn, opts = {}) {
      const waitMs = opts.waitMs ?? 0
      if (!newClient) {
        const take = () => {
          if (localBusy) return false
          localBusy = true
          return true
        }
        if (!(await retryFor(waitMs, take))) return null
        try {
          return await fn()
        } finally {
          localBusy = false
        }
      }
      const client = newClient()
      client.on('error', (err) => log.warn({ err }, 'reconciliation lock session failed'))
      await client.connect()
      try {
        const taken = await retryFor(waitMs, async () => {
          const r = await client.query<{ ok: boolean }>(
            'SELECT pg_try_advisory_lock($1::int, hashtext(current_schema())) AS ok',
            [RECONCILE_LOCK_NS],
          )
          return r.rows[0]?.ok === true
        })
        return taken ? await fn() : null
      } finally {
        // Closing the session releases the lock.
        await client.end().catch(() => undefined)
      }
    },
  }
}
