import { CloudError, type ServiceName } from '../errors.js'
import { isRetryableStatus } from '../http/retry-policy.js'
import { BulkheadRefusedError, type Bulkhead } from './bulkhead.js'
import type { AttemptVerdict, CircuitBreaker } from './circuit-breaker.js'

/** One admitted attempt; call `finish` once with how it went (later calls are ignored). */
export interface Permit {
  finish(verdict: AttemptVerdict): void
}

/** Breaker plus bulkhead of one (service, base URL). */
export interface EndpointGuard {
  /** Waits for a bulkhead slot and a breaker pass; rejects with a CloudError before anything is sent. */
  enter(operation: string, signal?: AbortSignal): Promise<Permit>
}

export function createEndpointGuard(
  service: ServiceName,
  breaker: CircuitBreaker,
  bulkhead: Bulkhead,
): EndpointGuard {
  const circuitOpen = (operation: string, retryAfterMs: number) =>
    new CloudError({
      service,
      operation,
      kind: 'circuit-open',
      retryable: true,
      retryAfterMs,
      message: `Not sent: ${service} is failing (circuit open)`,
    })

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
      // Asked again after the wait: the breaker may have opened (or a probe started) meanwhile.
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

function bulkheadError(service: ServiceName, operation: string, error: BulkheadRefusedError) {
  if (error.reason === 'aborted') {
    return new CloudError({
      service,
      operation,
      kind: 'network',
      message: 'Request aborted by the caller',
    })
  }
  return new CloudError({
    service,
    operation,
    kind: 'bulkhead-full',
    retryable: true,
    message: `Not sent: too many ${service} calls in flight`,
  })
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
  if (error.kind === 'http' && error.status !== null && isRetryableStatus(error.status)) {
    return 'unhealthy'
  }
  return 'healthy'
}
