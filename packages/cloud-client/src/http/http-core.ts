import type { z } from 'zod'
import type { AuthProvider } from '../auth/auth-provider.js'
import type { CloudError, ServiceName } from '../errors.js'
import { verdictOf } from '../resilience/endpoint-guard.js'
import type { ResilienceRegistry } from '../resilience/resilience-registry.js'
import { stringifyJson } from '@ops-console/lossless-json'
import type { CloudResult, FetchLike, OnRequestHook, RetryOptions } from '../types.js'
import { sendOnce, type AttemptOutcome } from './send-once.js'
import { backoffDelay } from './retry-policy.js'
import { encodeQuery, type RequestSpec } from './request-spec.js'

export interface HttpCoreOptions {
  service: ServiceName
  baseUrl: string
  fetch: FetchLike
  auth: AuthProvider | null
  timeoutMs: number
  retry: RetryOptions
  /** Headers on every request of this service (e.g. DataArts `workspace`). */
  headers?: Record<string, string>
  onRequest?: OnRequestHook
  /** Circuit breaker and bulkhead for (service, baseUrl); none when absent. */
  resilience?: ResilienceRegistry
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  now?: () => number
}

export interface HttpCore {
  readonly service: ServiceName
  request<S extends z.ZodType, U = z.output<S>>(spec: RequestSpec<S, U>): Promise<CloudResult<U>>
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Sends one API call: builds and authorises the request, enforces the timeout, never follows
 * redirects, maps failures to {@link CloudError}, and parses the body with the spec's zod schema.
 * Only GETs are retried (429 / 5xx / network / timeout), with jittered backoff that honours
 * `Retry-After`; mutations are sent again only after a 401 that refreshed the token, because a
 * gateway 401 means the call never reached the service.
 */
export function createHttpCore(options: HttpCoreOptions): HttpCore {
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  const now = options.now ?? Date.now
  const guard = options.resilience?.guard(options.service, options.baseUrl)

  async function request<S extends z.ZodType, U>(spec: RequestSpec<S, U>): Promise<CloudResult<U>> {
    const started = performance.now()
    const url = new URL(`${options.baseUrl}${spec.path}${encodeQuery(spec.query)}`)
    const body = spec.body === undefined ? undefined : stringifyJson(spec.body)
    const baseHeaders: Record<string, string> = {
      accept: 'application/json',
      ...options.headers,
      ...spec.headers,
    }
    if (body !== undefined) baseHeaders['content-type'] ??= 'application/json'
    const maxAttempts = spec.method === 'GET' ? Math.max(1, options.retry.attempts) : 1
    let refreshed = false
    let attempt = 0
    let retries = 0
    // The error a GET is being retried for: if the breaker refuses the next attempt, it is the better answer.
    let retrying: CloudError | null = null

    /** One attempt under the breaker and bulkhead, entered before authorising so a refused call fetches no token either. */
    const attemptOnce = async () => {
      const permit = guard
        ? await guard.enter(spec.operation, spec.call?.signal).catch((refusal: unknown) => {
            throw retrying ?? refusal
          })
        : null
      try {
        const auth = options.auth
          ? await options.auth.authorize({
              method: spec.method,
              url,
              headers: baseHeaders,
              ...(body !== undefined ? { body } : {}),
            })
          : undefined
        const outcome: AttemptOutcome<U> = await sendOnce(options, spec, {
          url,
          headers: { ...baseHeaders, ...auth?.headers },
          body,
          timeoutMs: spec.call?.timeoutMs ?? options.timeoutMs,
          now,
        })
        const error = outcome.ok ? null : outcome.error
        // A caller that gave up for its own reasons says nothing about the service; a caller deadline does.
        permit?.finish(
          verdictOf(error, spec.call?.signal?.aborted === true && error?.kind !== 'timeout'),
        )
        return { outcome, credentialId: auth?.credentialId }
      } finally {
        permit?.finish('ignore') // no-op after the verdict above; releases the slot when authorize throws
      }
    }

    for (;;) {
      attempt++
      const { outcome, credentialId } = await attemptOnce()
      report(spec, url, attempt, outcome)
      if (outcome.ok)
        return { ...outcome.result, durationMs: Math.round(performance.now() - started) }

      const error = outcome.error
      if (error.status === 401 && !refreshed && options.auth?.refreshAfterUnauthorized) {
        refreshed = true
        retrying = null
        if (await options.auth.refreshAfterUnauthorized(credentialId)) continue
      }
      if (!error.retryable || retries + 1 >= maxAttempts || spec.call?.signal?.aborted) throw error
      // A Retry-After longer than we are willing to wait goes back to the caller (error.retryAfterMs).
      if (error.retryAfterMs !== undefined && error.retryAfterMs > options.retry.maxDelayMs)
        throw error
      retrying = error
      await sleep(error.retryAfterMs ?? backoffDelay(retries, options.retry, random))
      retries++
    }
  }

  function report(
    spec: RequestSpec<z.ZodType, unknown>,
    url: URL,
    attempt: number,
    outcome: AttemptOutcome<unknown>,
  ) {
    if (!options.onRequest) return
    const base = {
      service: options.service,
      operation: spec.operation,
      method: spec.method,
      path: url.pathname,
      attempt,
      durationMs: outcome.durationMs,
    }
    try {
      if (outcome.ok)
        options.onRequest({
          ...base,
          status: outcome.result.status,
          requestId: outcome.result.requestId,
        })
      else
        options.onRequest({
          ...base,
          status: outcome.error.status,
          requestId: outcome.error.requestId,
          errorKind: outcome.error.kind,
          errorCode: outcome.error.code,
        })
    } catch {
      // A failing metrics hook must not fail the cloud call.
    }
  }

  return { service: options.service, request }
}
