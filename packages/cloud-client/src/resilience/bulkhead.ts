export interface BulkheadOptions {
  /** Attempts in flight at once for one service endpoint (default 16). */
  maxConcurrent: number
  /** Callers that may wait for a slot (default 64); beyond that they are refused at once. */
  maxQueue: number
  /** Longest wait for a slot (default 2 s); shorter than a timeout, so a stuck service cannot pile up callers. */
  maxWaitMs: number
}

export const DEFAULT_BULKHEAD: BulkheadOptions = {
  maxConcurrent: 16,
  maxQueue: 64,
  maxWaitMs: 2_000,
}

/** Why {@link Bulkhead.acquire} gave no slot. */
export type BulkheadRefusal = 'full' | 'wait-expired' | 'aborted'

export class BulkheadRefusedError extends Error {
  constructor(readonly reason: BulkheadRefusal) {
    super(`bulkhead refused: ${reason}`)
  }
}

interface Waiter {
  grant: (release: () => void) => void
}

/**
 * A counting semaphore with a bounded, time-limited queue. Slots are handed straight to the next
 * waiter on release, so a waiter can never be overtaken by a newcomer.
 */
export class Bulkhead {
  private active = 0
  private readonly waiters: Waiter[] = []

  constructor(private readonly options: BulkheadOptions) {}

  get inFlight(): number {
    return this.active
  }

  get queued(): number {
    return this.waiters.length
  }

  /** Resolves to an idempotent release function; rejects with {@link BulkheadRefusedError}. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new BulkheadRefusedError('aborted'))
    if (this.active < this.options.maxConcurrent) {
      this.active++
      return Promise.resolve(this.releaser())
    }
    if (this.waiters.length >= this.options.maxQueue || this.options.maxWaitMs <= 0) {
      return Promise.reject(new BulkheadRefusedError('full'))
    }
    return new Promise((resolve, reject) => {
      const leave = (reason: BulkheadRefusal) => {
        const index = this.waiters.indexOf(waiter)
        if (index >= 0) this.waiters.splice(index, 1)
        cleanup()
        reject(new BulkheadRefusedError(reason))
      }
      const onAbort = () => leave('aborted')
      const timer = setTimeout(() => leave('wait-expired'), this.options.maxWaitMs)
      const cleanup = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
      }
      const waiter: Waiter = {
        grant: (release) => {
          cleanup()
          resolve(release)
        },
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiters.push(waiter)
    })
  }

  private releaser(): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiters.shift()
      if (next) next.grant(this.releaser())
      else this.active--
    }
  }
}
