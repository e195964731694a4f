import type { ServiceName } from '../errors.js'
import { Bulkhead, DEFAULT_BULKHEAD, type BulkheadOptions } from './bulkhead.js'
import {
  CircuitBreaker,
  DEFAULT_BREAKER,
  type BreakerOptions,
  type BreakerState,
} from './circuit-breaker.js'
import { createEndpointGuard, type EndpointGuard } from './endpoint-guard.js'

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
  // A zero threshold or zero slots would refuse every call forever: reject such a setup up front.
  if (!(breakerOptions.failureThreshold >= 1) || !(bulkheadOptions.maxConcurrent >= 1)) {
    throw new RangeError('failureThreshold and maxConcurrent must be at least 1')
  }
  const entries = new Map<
    string,
    {
      service: ServiceName
      base: string
      breaker: CircuitBreaker
      bulkhead: Bulkhead
      guard: EndpointGuard
    }
  >()

  function guard(service: ServiceName, base: string): EndpointGuard {
    const key = `${service} ${base}`
    let entry = entries.get(key)
    if (!entry) {
      const breaker = new CircuitBreaker(breakerOptions, now)
      const bulkhead = new Bulkhead(bulkheadOptions)
      entry = {
        service,
        base,
        breaker,
        bulkhead,
        guard: createEndpointGuard(service, breaker, bulkhead),
      }
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
