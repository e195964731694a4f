import { SourceStatus, WorkloadChanges, WorkloadStreamReady } from '@ops-console/contracts'
import type { z } from 'zod'
import type { LiveMode } from '../../../lib/live-mode.js'

export interface StreamHandlers {
  mode: (mode: LiveMode) => void
  /** `resumed`: not the first `ready` of this connector, so events may have been missed. */
  ready: (ready: WorkloadStreamReady, resumed: boolean) => void
  changes: (changes: WorkloadChanges) => void
  source: (status: SourceStatus) => void
  /** An event did not match its contract: whatever it described is unknown now. */
  unreadable: () => void
}

export interface StreamOptions {
  url: string
  createEventSource?: (url: string) => EventSource
  /** Waits between reconnect attempts; the last one repeats. Reset by a `ready`. */
  backoffMs?: readonly number[]
  /** Silence allowed before the first `ready` (then 2 × the server's heartbeat). */
  connectTimeoutMs?: number
}

export const DEFAULT_BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const

function parse<T>(schema: z.ZodType<T>, data: unknown): T | null {
  if (typeof data !== 'string') return null
  try {
    const parsed = schema.safeParse(JSON.parse(data))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Follows `GET /api/workloads/stream` (same origin, so the session cookie goes along). Any error,
 * or silence longer than two heartbeats, closes it and reports `polling`; it then reconnects with
 * backoff. We close and reopen ourselves rather than rely on EventSource's own retry, which gives
 * up for good on an HTTP error and never backs off. Returns a function that disconnects.
 */
export function connectWorkloadStream(
  handlers: StreamHandlers,
  options: StreamOptions,
): () => void {
  const create = options.createEventSource ?? ((url: string) => new EventSource(url))
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS
  let source: EventSource | null = null
  let attempt = 0
  let readyOnce = false
  let stopped = false
  let silenceMs = options.connectTimeoutMs ?? 20_000
  let watchdog: ReturnType<typeof setTimeout> | undefined
  let retry: ReturnType<typeof setTimeout> | undefined

  const arm = () => {
    clearTimeout(watchdog)
    watchdog = setTimeout(drop, silenceMs)
  }
  function drop() {
    if (stopped) return
    clearTimeout(watchdog)
    source?.close()
    source = null
    handlers.mode('polling')
    const wait = backoff[Math.min(attempt, backoff.length - 1)] ?? 30_000
    attempt++
    clearTimeout(retry)
    retry = setTimeout(open, wait)
  }
  function open() {
    if (stopped) return
    const es = create(options.url)
    source = es
    arm()
    es.addEventListener('ready', (e) => {
      const ready = parse(WorkloadStreamReady, e.data)
      if (!ready) return drop()
      attempt = 0
      silenceMs = 2 * ready.heartbeatMs
      arm()
      handlers.mode('live')
      handlers.ready(ready, readyOnce)
      readyOnce = true
    })
    es.addEventListener('workloads', (e) => {
      arm()
      const changes = parse(WorkloadChanges, e.data)
      if (changes) handlers.changes(changes)
      else handlers.unreadable()
    })
    es.addEventListener('source', (e) => {
      arm()
      const status = parse(SourceStatus, e.data)
      if (status) handlers.source(status)
      else handlers.unreadable()
    })
    es.addEventListener('heartbeat', arm)
    es.addEventListener('error', drop)
  }

  handlers.mode('connecting')
  open()
  return () => {
    stopped = true
    clearTimeout(watchdog)
    clearTimeout(retry)
    source?.close()
    source = null
  }
}
