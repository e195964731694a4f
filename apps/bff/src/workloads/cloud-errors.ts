import { isCloudError, wasNeverSent, type CloudError } from '@ops-console/cloud-client'
import type { AuditOutcome, ErrorCode } from '@ops-console/contracts'
import { AppError, type UpstreamDetails } from '../lib/errors.js'

/** What the BFF says about a failed cloud call: our code, the cloud's details, the audit outcome. */
export interface UpstreamFailure {
  code: ErrorCode
  message: string
  upstream: UpstreamDetails
  /** For mutations: did the cloud clearly refuse (failure) or may it have acted (unknown)? */
  outcome: AuditOutcome
  httpStatus: number | null
  cloudCode: string | null
  requestId: string | null
  /** From a throttled answer's Retry-After. */
  retryAfterMs?: number
}

function codeFor(err: CloudError): ErrorCode {
  if (err.kind === 'timeout') return 'UPSTREAM_TIMEOUT'
  // The client held the call back because the service is failing or saturated.
  if (err.kind === 'circuit-open' || err.kind === 'bulkhead-full') return 'UPSTREAM_UNAVAILABLE'
  // Throttling (429) is transient, not a verdict on the request: report the cloud as unavailable.
  if (err.kind === 'http' && err.status === 429) return 'UPSTREAM_UNAVAILABLE'
  if (err.kind === 'http' && err.status !== null && err.status < 500) return 'UPSTREAM_REJECTED'
  if (err.kind === 'http' || err.kind === 'network') return 'UPSTREAM_UNAVAILABLE'
  return 'UPSTREAM_ERROR'
}

/**
 * Maps any error thrown by a cloud call. Only a cloud answer (4xx/5xx) or a local refusal before
 * sending (bad input, open circuit, full bulkhead) proves the mutation did not happen; timeouts, network errors, redirects and
 * unreadable bodies leave it open, so they are recorded as 'unknown'.
 */
export function describeUpstreamError(err: unknown): UpstreamFailure {
  if (!isCloudError(err)) {
    return {
      code: 'UPSTREAM_ERROR',
      message: 'the cloud call failed unexpectedly',
      upstream: { service: 'unknown' },
      outcome: 'unknown',
      httpStatus: null,
      cloudCode: null,
      requestId: null,
    }
  }
  const upstream: UpstreamDetails = { service: err.service }
  if (err.status !== null) upstream.status = err.status
  if (err.code) upstream.cloudCode = err.code
  if (err.message) upstream.cloudMessage = err.message
  if (err.requestId) upstream.requestId = err.requestId
  const refused = (err.kind === 'http' && err.status !== null) || wasNeverSent(err)
  return {
    code: codeFor(err),
    message: `${err.service} ${err.operation} failed${err.code ? ` (${err.code})` : ''}: ${err.message}`,
    upstream,
    outcome: refused ? 'failure' : 'unknown',
    httpStatus: err.status,
    cloudCode: err.code,
    requestId: err.requestId,
    ...(err.retryAfterMs === undefined ? {} : { retryAfterMs: err.retryAfterMs }),
  }
}

/** The AppError a route throws for a failed cloud read. */
export function upstreamAppError(err: unknown): AppError {
  const f = describeUpstreamError(err)
  return new AppError(f.code, f.message, {
    upstream: f.upstream,
    cause: err,
    ...(f.retryAfterMs === undefined
      ? {}
      : { retryAfterSeconds: Math.ceil(f.retryAfterMs / 1000) }),
  })
}
