import type { RetryOptions } from '../types.js'

export const DEFAULT_RETRY: RetryOptions = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 }

/** Statuses that mean "try again later": throttling and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500
}

/**
 * `Retry-After` as milliseconds from `nowMs`: either delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Returns undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - nowMs)
}

/** Full-jitter exponential backoff: uniform in [0, min(max, base * 2^retryIndex)]. */
export function backoffDelay(
  retryIndex: number,
  options: RetryOptions,
  random: () => number,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex)
  return Math.floor(random() * ceiling)
}
