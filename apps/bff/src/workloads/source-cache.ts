/** Default freshness of a listed source: viewers refreshing within it share one upstream listing. */
export const DEFAULT_LIST_CACHE_TTL_MS = 2_000
/** A failed listing is kept only this long, so a recovered service shows up almost at once. */
export const DEFAULT_LIST_ERROR_TTL_MS = 500

export interface SourceCacheOptions {
  /** How long a successful result is served without asking upstream; 0 disables caching. */
  ttlMs: number
  /** Same for a failed result (kept shorter); 0 = failures are only shared while in flight. */
  errorTtlMs: number
  /** Epoch ms (the platform clock, so tests can move it). */
  now: () => number
}

interface Entry<T> {
  at: number
  value: T
}

/**
 * A short-lived cache with single flight per key: concurrent reads of a key share one load, reads
 * within the TTL reuse its result. `invalidate` forgets a key, including a load already running,
 * so a read after a stop never gets a listing that started before it.
 */
export class SourceCache<T> {
  private readonly entries = new Map<string, Entry<T>>()
  private readonly inFlight = new Map<string, Promise<T>>()
  /** Bumped by invalidate: a load that started under an older generation is not stored. */
  private readonly generations = new Map<string, number>()

  constructor(
    private readonly opts: SourceCacheOptions,
    private readonly isFailure: (value: T) => boolean,
  ) {}

  /** `maxAgeMs` narrows the TTL for this read (a poller wants fresher data than a page load). */
  get(key: string, load: () => Promise<T>, maxAgeMs = Infinity): Promise<T> {
    const cached = this.entries.get(key)
    if (cached && this.fresh(cached, maxAgeMs)) return Promise.resolve(cached.value)
    const running = this.inFlight.get(key)
    if (running) return running
    const generation = this.generations.get(key) ?? 0
    const started = load()
      .then((value) => {
        if ((this.generations.get(key) ?? 0) === generation)
          this.entries.set(key, { at: this.opts.now(), value })
        return value
      })
      .finally(() => {
        if (this.inFlight.get(key) === started) this.inFlight.delete(key)
      })
    this.inFlight.set(key, started)
    return started
  }

  /** Forgets `key`: the next read goes upstream (a load in flight still answers its own callers). */
  invalidate(key: string): void {
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1)
    this.entries.delete(key)
    this.inFlight.delete(key)
  }

  private fresh(entry: Entry<T>, maxAgeMs: number): boolean {
    const ttl = Math.min(
      maxAgeMs,
      this.isFailure(entry.value) ? this.opts.errorTtlMs : this.opts.ttlMs,
    )
    const age = this.opts.now() - entry.at
    // A clock that went backwards (age < 0) must not make an entry fresh forever.
    return age >= 0 && age < ttl
  }
}
