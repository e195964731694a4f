import type { ServiceName } from './errors.js'
import type { CloudWarning } from './warnings.js'

/** What every successful call resolves to. */
export interface CloudResult<T> {
  data: T
  status: number
  requestId: string | null
  durationMs: number
  /**
   * Present (non-empty) when the call succeeded but could not deliver everything: listing
   * elements that could not be understood were dropped, or paging stopped early. Show them as
   * source warnings; `data` holds everything that could be read.
   */
  warnings?: CloudWarning[]
}

/** The subset of `fetch` the client uses; the simulator's `sim.fetch` and undici's `fetch` both fit. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface RetryOptions {
  /** Total attempts for reads, including the first one (1 = no retry). */
  attempts: number
  baseDelayMs: number
  maxDelayMs: number
}

/** Metrics hook payload. Contains no headers, bodies or query strings, so it cannot leak secrets. */
export interface RequestInfo {
  service: ServiceName
  operation: string
  method: string
  /** URL path as sent (ids only, no query). */
  path: string
  attempt: number
  status: number | null
  durationMs: number
  requestId: string | null
  errorKind?: string
  errorCode?: string | null
}

export type OnRequestHook = (info: RequestInfo) => void

/** Per-call options accepted by every client method. */
export interface CallOptions {
  signal?: AbortSignal
  timeoutMs?: number
}
