export type BreakerState = 'closed' | 'open' | 'half-open'

/** How an attempt ended, as far as the health of the service is concerned. */
export type AttemptVerdict = 'healthy' | 'unhealthy' | 'ignore'

export interface BreakerOptions {
  /** Consecutive unhealthy attempts that open the breaker (default 5). */
  failureThreshold: number
  /** The streak must fit in this window; an older streak starts over (default 60 s). */
  windowMs: number
  /** How long an open breaker refuses calls before it lets one probe through (default 30 s). */
  coolDownMs: number
}

export const DEFAULT_BREAKER: BreakerOptions = {
  failureThreshold: 5,
  windowMs: 60_000,
  coolDownMs: 30_000,
}

/** Told to callers refused while the single half-open probe is still in flight. */
export const PROBE_IN_FLIGHT_RETRY_MS = 1_000

/** A pass through the breaker; `probe` is the single half-open trial call. */
export interface BreakerPass {
  readonly probe: boolean
}

/**
 * Closed → open after `failureThreshold` consecutive unhealthy attempts within `windowMs`; open →
 * half-open once `coolDownMs` has passed (evaluated lazily on the next call, so no timers); in
 * half-open exactly one probe passes: healthy closes, unhealthy re-opens for another cool-down.
 */
export class CircuitBreaker {
  private stored: 'closed' | 'open' = 'closed'
  private streak = 0
  private streakStartedAt = 0
  private openedAt: number | null = null
  private probing = false

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number,
  ) {}

  get state(): BreakerState {
    if (this.stored === 'open' && this.now() - (this.openedAt ?? 0) >= this.options.coolDownMs)
      return 'half-open'
    return this.stored
  }

  /** Consecutive unhealthy attempts counted so far (the streak that opened an open breaker). */
  get failures(): number {
    return this.streak
  }

  get openedSince(): number | null {
    return this.openedAt
  }

  /** null when a call may pass now; otherwise how long (ms) the caller should wait. */
  refusal(): number | null {
    const state = this.state
    if (state === 'closed') return null
    if (state === 'half-open') return this.probing ? PROBE_IN_FLIGHT_RETRY_MS : null
    return Math.max(0, (this.openedAt ?? 0) + this.options.coolDownMs - this.now())
  }

  /** Takes a pass, or returns null when refused (see {@link refusal}). */
  admit(): BreakerPass | null {
    if (this.refusal() !== null) return null
    if (this.state === 'half-open') {
      this.probing = true
      return { probe: true }
    }
    return { probe: false }
  }

  record(pass: BreakerPass, verdict: AttemptVerdict): void {
    if (pass.probe) {
      this.probing = false
      if (verdict === 'healthy') this.close()
      else if (verdict === 'unhealthy') this.open()
      return
    }
    // Late answers of calls admitted before the breaker opened say nothing about the service now.
    if (this.stored !== 'closed') return
    if (verdict === 'healthy') this.streak = 0
    if (verdict !== 'unhealthy') return
    const now = this.now()
    if (this.streak === 0 || now - this.streakStartedAt > this.options.windowMs) {
      this.streak = 0
      this.streakStartedAt = now
    }
    this.streak++
    if (this.streak >= this.options.failureThreshold) this.open()
  }

  private open(): void {
    this.stored = 'open'
    this.openedAt = this.now()
  }

  private close(): void {
    this.stored = 'closed'
    this.openedAt = null
    this.streak = 0
  }
}
