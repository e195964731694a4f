import { LedgerBusyError, type LedgerStore, type PendingRow, type RowResult } from './batch.js'

/** Rows per transaction at most (PostgreSQL passes each column as one array parameter). */
export const MAX_BATCH_ROWS = 500

interface Waiter {
  row: PendingRow
  /** `performance.now()` instant after which this append gives up (nothing of it written). */
  deadline: number
  resolve: (r: RowResult) => void
  reject: (err: unknown) => void
}

export interface GroupCommit {
  /**
   * Resolves once the row is committed (with its chain row; null for a probe) or rejects: the row
   * was refused, its batch failed (then no row of that batch was committed) or the chain head
   * stayed locked for `timeoutMs`.
   */
  append(row: PendingRow, timeoutMs: number): Promise<RowResult>
  /** Resolves when every append queued so far has settled. */
  drain(): Promise<void>
}

/**
 * Group commit: appends queue up while one transaction is being written; the next transaction
 * takes everything queued by the time it holds the chain head, so under load one commit (one
 * fsync, one lock round) carries many rows, and one hash chain stays strictly ordered.
 * `onSettled` runs after every transaction attempt: its results, or the error that failed it.
 */
export function createGroupCommit(
  store: LedgerStore,
  onSettled: (committed: RowResult[], err: unknown) => void,
): GroupCommit {
  const queue: Waiter[] = []
  let running: Promise<void> | null = null

  const rejectExpired = (cause: unknown): void => {
    const now = performance.now()
    for (let i = queue.length - 1; i >= 0; i--) {
      const w = queue[i]
      if (w && w.deadline <= now) {
        queue.splice(i, 1)
        w.reject(cause)
      }
    }
  }

  async function writeOnce(): Promise<void> {
    let taken: Waiter[] = []
    const take = (): PendingRow[] => {
      // Rows whose caller gave up are never written: their caller already answered 503.
      rejectExpired(new LedgerBusyError('the audit log stayed locked until the deadline'))
      taken = queue.splice(0, MAX_BATCH_ROWS)
      return taken.map((w) => w.row)
    }
    const deadline = Math.min(...queue.map((w) => w.deadline))
    try {
      const results = await store.append(take, deadline)
      taken.forEach((w, i) => {
        const r = results[i]
        if (r instanceof Error) w.reject(r)
        else w.resolve(r ?? null)
      })
      onSettled(results, null)
    } catch (err) {
      onSettled([], err)
      if (taken.length > 0) for (const w of taken) w.reject(err)
      else if (err instanceof LedgerBusyError) rejectExpired(err)
      // Not even the lock: the database is broken, not busy. Fail everything queued now.
      else for (const w of queue.splice(0)) w.reject(err)
    }
  }

  async function run(): Promise<void> {
    // Yield first, so the appends of every request handled in this turn share the transaction.
    await new Promise<void>((resolve) => setImmediate(resolve))
    while (queue.length > 0) {
      await writeOnce()
      if (queue.length > 0) await new Promise<void>((resolve) => setImmediate(resolve))
    }
    running = null
  }

  return {
    append(row, timeoutMs) {
      return new Promise<RowResult>((resolve, reject) => {
        queue.push({ row, deadline: performance.now() + timeoutMs, resolve, reject })
        running ??= run()
      })
    },
    async drain() {
      while (running) await running
    },
  }
}
