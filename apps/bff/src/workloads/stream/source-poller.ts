import {
  TRANSITIONAL_STATES,
  type LastAction,
  type SourceStatus,
  type WorkloadKind,
} from '@ops-console/contracts'
import type { Observed } from '../types.js'

/** A workload as the stream sees it: what the cloud says plus the last audited action. */
export type LiveWorkload = Observed & { lastAction: LastAction | null }

export interface SourceChanges {
  target: string
  kind: WorkloadKind
  /** New workloads and ones whose state, raw status or last action changed. */
  changed: LiveWorkload[]
  /** Ids that are no longer listed. */
  removed: string[]
  at: string
}

export interface PollListener {
  changes(changes: SourceChanges): void
  /** The source failed, or recovered, or failed differently. */
  source(status: SourceStatus): void
}

export interface PollerTiming {
  /** Interval while nothing of the source is moving. */
  pollMs: number
  /** Interval while any workload of the source is transitional (pending, stopping, deleting). */
  fastPollMs: number
}

export type SourceRead = () => Promise<{ status: SourceStatus; items: LiveWorkload[] }>

const signature = (w: LiveWorkload) =>
  JSON.stringify([
    w.state,
    w.rawStatus,
    w.lastAction?.action,
    w.lastAction?.at,
    w.lastAction?.outcome,
  ])
const statusKey = (s: SourceStatus) => (s.ok ? 'ok' : `${s.error?.code}:${s.error?.cloudCode}`)

/**
 * One poller per (target, kind), shared by every subscriber of that source. It runs only while
 * someone listens: the first listener starts it, the last one leaving stops it. The first poll
 * sets the baseline (clients load the list themselves); later polls report differences only.
 */
export class SourcePoller {
  private readonly listeners = new Set<PollListener>()
  private readonly known = new Map<string, string>()
  private baseline = false
  private lastStatus: SourceStatus | null = null
  private timer: NodeJS.Timeout | undefined
  private stopped = true
  /** Polls started so far (tests, stats). */
  polls = 0

  constructor(
    readonly target: string,
    readonly kind: WorkloadKind,
    private readonly read: SourceRead,
    private readonly timing: PollerTiming,
    private readonly onError: (err: unknown) => void,
  ) {}

  get size(): number {
    return this.listeners.size
  }

  add(listener: PollListener): void {
    this.listeners.add(listener)
    // A newcomer learns at once that the source is failing (recoveries come as events).
    if (this.lastStatus && !this.lastStatus.ok) listener.source(this.lastStatus)
    if (this.stopped) {
      this.stopped = false
      void this.tick()
    }
  }

  /** Returns true when this was the last listener (the poller has stopped). */
  remove(listener: PollListener): boolean {
    this.listeners.delete(listener)
    if (this.listeners.size > 0) return false
    this.stop()
    return true
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
    this.listeners.clear()
  }

  private async tick(): Promise<void> {
    this.polls++
    let delay = this.timing.pollMs
    try {
      const { status, items } = await this.read()
      if (this.stopped) return
      this.report(status)
      if (status.ok) {
        this.diff(items, status.fetchedAt)
        if (items.some((w) => TRANSITIONAL_STATES.includes(w.state))) delay = this.timing.fastPollMs
      }
    } catch (err) {
      this.onError(err)
    }
    if (!this.stopped) this.timer = setTimeout(() => void this.tick(), delay)
  }

  private report(status: SourceStatus): void {
    const changed = this.lastStatus ? statusKey(this.lastStatus) !== statusKey(status) : !status.ok
    this.lastStatus = status
    if (changed) for (const l of this.listeners) l.source(status)
  }

  private diff(items: LiveWorkload[], at: string): void {
    const changed: LiveWorkload[] = []
    const seen = new Set<string>()
    for (const w of items) {
      seen.add(w.id)
      const sig = signature(w)
      if (this.known.get(w.id) !== sig) changed.push(w)
      this.known.set(w.id, sig)
    }
    const removed = [...this.known.keys()].filter((id) => !seen.has(id))
    for (const id of removed) this.known.delete(id)
    const first = !this.baseline
    this.baseline = true
    if (first || (changed.length === 0 && removed.length === 0)) return
    const event = { target: this.target, kind: this.kind, changed, removed, at }
    for (const l of this.listeners) l.changes(event)
  }
}
