import { CloudError, type ServiceName } from '../errors.js'
import { isRetryableStatus } from '../http/retry-policy.js'
import { Bulkhead, BulkheadRefusedError, DEFAULT_BULKHEAD, type BulkheadOptions } from './bulkhead.js'
import { CircuitBreaker, DEFAULT_BREAKER, type AttemptVerdict, type BreakerOptions, type BreakerState } from './circuit-breaker.js'

export interface ResilienceOptions {
  breaker?: Partial<BreakerOptions>
  bulkhead?: Partial<BulkheadOptions>
  /** Clock for open/cool-down times (tests); default Date.now. */
  now?: () => number
}

/** Health of one service endpoint, for /readyz-style reporting. */
export interface EndpointHealth {
  service: ServiceName
  base: string
  state: BreakerState
  /** Consecutive unhealthy attempts (the streak that opened an open breaker). */
  failures: number
  /** When the breaker last opened (registry clock, epoch ms); null while closed. */
  openedAt: number | null
  inFlight: number
  queued: number
}

/** One admitted attempt; call `finish` exactly once with how it went. */
export interface Permit {
  finish(verdict: AttemptVerdict): void
}

/** Breaker plus bulkhead of one (service, base URL). */
export interface EndpointGuard {
  /** Waits for a bulkhead slot and a breaker pass; rejects with a CloudError before anything is sent. */
  enter(operation: string, signal?: AbortSignal): Promise<Permit>
}

export interface ResilienceRegistry {
  guard(service: ServiceName, base: string): EndpointGuard
  snapshot(): EndpointHealth[]
}

/**
 * Breakers and bulkheads keyed by (service, base URL), so every client built with the same
 * registry shares them: a dead `dli` of one region is seen once, by all of them, and nothing else.
 */
export function createResilienceRegistry(options: ResilienceOptions = {}): ResilienceRegistry {
  const now = options.now ?? Date.now
  const breakerOptions = { ...DEFAULT_BREAKER, ...options.breaker }
  const bulkheadOptions = { ...DEFAULT_BULKHEAD, ...options.bulkhead }
  const entries = new Map<string, { service: ServiceName; base: string; breaker: CircuitBreaker; bulkhead: Bulkhead; guard: EndpointGuard }>()

  function guard(service: ServiceName, base: string): EndpointGuard {
    const key = `${service} ${base}`
    let entry = entries.get(key)
    if (!entry) {
      const breaker = new CircuitBreaker(breakerOptions, now)
      const bulkhead = new Bulkhead(bulkheadOptions)
      entry = { service, base, breaker, bulkhead, guard: endpointGuard(service, breaker, bulkhead) }
      entries.set(key, entry)
    }
    return entry.guard
  }

  function snapshot(): EndpointHealth[] {
    return [...entries.values()].map(({ service, base, breaker, bulkhead }) => ({
      service,
      base,
      state: breaker.state,
      failures: breaker.failures,
      openedAt: breaker.openedSince,
      inFlight: bulkhead.inFlight,
      queued: bulkhead.queued,
    }))
  }

  return { guard, snapshot }
}

function endpointGuard(service: ServiceName, breaker: CircuitBreaker, bulkhead: Bulkhead): EndpointGuard {
  const circuitOpen = (operation: string, retryAfterMs: number) =>
    new CloudError({ service, operation, kind: 'circuit-open', retryable: true, retryAfterMs, message: `Not sent: ${service} is failing (circuit open)` })

  return {
    async enter(operation, signal) {
      // Checked before queueing too, so an open breaker fails fast even when the bulkhead is full.
      const early = breaker.refusal()
      if (early !== null) throw circuitOpen(operation, early)
      let release: () => void
      try {
        release = await bulkhead.acquire(signal)
      } catch (error) {
        if (error instanceof BulkheadRefusedError) throw bulkheadError(service, operation, error)
        throw error
      }
      const pass = breaker.admit()
      if (!pass) {
        release()
        throw circuitOpen(operation, breaker.refusal() ?? 0)
      }
      let done = false
      return {
        finish(verdict) {
          if (done) return
          done = true
          release()
          breaker.record(pass, verdict)
        },
      }
    },
  }
}

function bulkheadError(service: ServiceName, operation: string, error: BulkheadRefusedError): CloudError {
  if (error.reason === 'aborted') return new CloudError({ service, operation, kind: 'network', message: 'Request aborted by the caller' })
  return new CloudError({ service, operation, kind: 'bulkhead-full', retryable: true, message: `Not sent: too many ${service} calls in flight` })
}

/**
 * Only signs of an unhealthy service count against the breaker: no answer (network, timeout),
 * 5xx and 429. Any other answer (2xx, 4xx business errors, 401, redirects, odd bodies) proves the
 * service is up; a call the caller abandoned proves nothing.
 */
export function verdictOf(error: CloudError | null, callerAborted: boolean): AttemptVerdict {
  if (callerAborted) return 'ignore'
  if (!error) return 'healthy'
  if (error.kind === 'timeout' || error.kind === 'network') return 'unhealthy'
  if (error.kind === 'http' && error.status !== null && isRetryableStatus(error.status)) return 'unhealthy'
  return 'healthy'
}
