import type { z } from 'zod'
import { CloudError } from '../errors.js'
import { JsonSyntaxError, parseJson, type JsonValue } from '@ops-console/lossless-json'
import type { CloudResult } from '../types.js'
import type { HttpCoreOptions } from './http-core.js'
import { isRetryableStatus, parseRetryAfter } from './retry-policy.js'
import { readErrorEnvelope } from './error-envelope.js'
import type { RequestSpec } from './request-spec.js'
import { droppedIn } from '../parse/item-list.js'
import { dropWarnings } from '../warnings.js'

export type AttemptOutcome<U> =
  | { ok: true; result: Omit<CloudResult<U>, 'durationMs'>; durationMs: number }
  | { ok: false; error: CloudError; durationMs: number }

interface Prepared {
  url: URL
  headers: Record<string, string>
  body: string | undefined
  timeoutMs: number
  now: () => number
}

/** Rejects when `signal` aborts, so a transport that ignores the signal cannot hang the caller. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined) // the transport rejects too (same abort); nobody else will listen
    return Promise.reject(signal.reason as Error)
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** One HTTP exchange: no retries, no auth refresh. Never throws; failures come back as CloudError. */
export async function sendOnce<S extends z.ZodType, U>(
  options: HttpCoreOptions,
  spec: RequestSpec<S, U>,
  prep: Prepared,
): Promise<AttemptOutcome<U>> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const { service } = options
  const { operation } = spec
  const fail = (
    init: Omit<ConstructorParameters<typeof CloudError>[0], 'service' | 'operation'>,
  ): AttemptOutcome<U> => ({
    ok: false,
    error: new CloudError({ service, operation, ...init }),
    durationMs: elapsed(),
  })

  const timeout = AbortSignal.timeout(prep.timeoutMs)
  const signal = spec.call?.signal ? AbortSignal.any([timeout, spec.call.signal]) : timeout
  let response: Response
  let text: string
  try {
    response = await raceAbort(
      options.fetch(prep.url.toString(), {
        method: spec.method,
        headers: prep.headers,
        body: prep.body ?? null,
        redirect: 'manual',
        signal,
      }),
      signal,
    )
    text = await raceAbort(response.text(), signal)
  } catch (cause) {
    if (timeout.aborted)
      return fail({
        kind: 'timeout',
        message: `No response within ${prep.timeoutMs} ms`,
        retryable: true,
      })
    if (spec.call?.signal?.aborted) {
      // A caller deadline (TimeoutError reason, as AbortSignal.timeout gives) means "too slow": a timeout.
      if (isTimeoutReason(spec.call.signal.reason)) {
        return fail({
          kind: 'timeout',
          message: "No response before the caller's deadline",
          retryable: true,
        })
      }
      return fail({ kind: 'network', message: 'Request aborted by the caller' })
    }
    const reason = networkReason(cause)
    return fail({
      kind: 'network',
      message: `Network error: ${reason}`,
      retryable: true,
      notConnected: NOT_CONNECTED.has(reason),
    })
  }

  const status = response.status
  const headerRequestId = response.headers.get('x-request-id')
  let body: JsonValue | undefined
  let syntaxError: JsonSyntaxError | undefined
  if (text.trim() !== '') {
    try {
      body = parseJson(text, { tolerateTrailingCommas: true })
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e
      syntaxError = e
    }
  }
  const envelope = readErrorEnvelope(body)
  const requestId = headerRequestId || envelope.requestId || null

  if (status >= 300 && status < 400) {
    // Never followed: a redirect would carry the token or signature to a host we did not choose.
    return fail({
      kind: 'redirect',
      status,
      requestId,
      message: `Unexpected redirect (HTTP ${status}); not followed`,
    })
  }
  const accepted = status >= 200 && status < 300 ? true : spec.acceptError?.(status, body) === true
  if (!accepted) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), prep.now())
    return fail({
      kind: 'http',
      status,
      code: envelope.code,
      message: envelope.message ?? `HTTP ${status} ${response.statusText}`.trim(),
      requestId,
      retryable: isRetryableStatus(status),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    })
  }
  if (syntaxError)
    return fail({
      kind: 'parse',
      status,
      requestId,
      message: `Response is not valid JSON: ${syntaxError.message}`,
    })

  const parsed = spec.schema.safeParse(body === undefined ? null : body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    return fail({
      kind: 'parse',
      status,
      requestId,
      message: `Unexpected response shape${where}: ${issue?.message ?? 'invalid'}`,
    })
  }
  const warnings = dropWarnings(service, operation, droppedIn(parsed.data))
  const data = spec.transform ? spec.transform(parsed.data, response.headers) : (parsed.data as U)
  return {
    ok: true,
    result: { data, status, requestId, ...(warnings.length ? { warnings } : {}) },
    durationMs: elapsed(),
  }
}

/**
 * Only an error code or class name: transport messages can quote header values (tokens,
 * signatures), which must never reach a CloudError.
 */
function networkReason(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown } } | null)?.cause
  const code = (cause as { code?: unknown } | null)?.code ?? inner?.code
  if (typeof code === 'string' && /^[A-Z0-9_]+$/.test(code)) return code
  return cause instanceof Error ? cause.name : 'unknown error'
}

/** Transport codes meaning no connection was ever opened, so no request bytes left this process. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
])

function isTimeoutReason(reason: unknown): boolean {
  return (reason as { name?: unknown } | null)?.name === 'TimeoutError'
}
