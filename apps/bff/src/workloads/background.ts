import { setMaxListeners } from 'node:events'

/**
 * Keeps detached work (upstream mutations, stop watchers) alive and observable: the HTTP request
 * may go away, but the promise keeps running, and `idle()` lets shutdown and tests wait for it.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<unknown>>()
  private readonly closing = new AbortController()
  /** Workloads (`kind|target|id`) with a stop/delete between its checks and its recorded outcome. */
  private readonly busy = new Set<string>()
  /** Fires on `close()`: long-running watchers end early (their audit row says so). */
  readonly shutdown: AbortSignal = this.closing.signal

  constructor(private readonly onError: (err: unknown) => void) {
    // Every concurrent stop watcher listens on this one signal (a bulk stop starts up to 100) and
    // removes its listener when it ends, so a count above Node's default of 10 is not a leak.
    setMaxListeners(0, this.closing.signal)
  }

  /** Starts tracking `promise` and hands it back; rejections are reported, never unhandled. */
  track<T>(promise: Promise<T>): Promise<T> {
    const settled = promise.then(
      () => undefined,
      (err: unknown) => this.onError(err),
    )
    this.running.add(settled)
    void settled.finally(() => this.running.delete(settled))
    return promise
  }

  /** Resolves once every tracked task (including ones started meanwhile) has settled. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running])
  }

  /**
   * Claims a workload for one action; false when another action on it is still in flight in this
   * process (a double click, two operators at once): that second action is refused, not sent twice.
   */
  claim(key: string): boolean {
    if (this.busy.has(key)) return false
    this.busy.add(key)
    return true
  }

  release(key: string): void {
    this.busy.delete(key)
  }

  /** Ends watchers early, then waits for everything in flight (upstream calls are never cut short). */
  async close(): Promise<void> {
    this.closing.abort()
    await this.idle()
  }

  get size(): number {
    return this.running.size
  }
}
