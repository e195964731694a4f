import { ErrorEnvelope } from '@ops-console/contracts'
import type { z } from 'zod'
import { ApiError } from './api-error.js'

/**
 * A small typed fetch wrapper over the BFF. Responses are validated with the shared contracts
 * schemas, so a drifting BFF shows a clear error instead of a broken screen.
 */
export type QueryParams = Record<string, string | number | boolean | null | undefined>

/** Absolute URL for an `/api` path (absolute so it also works under jsdom/undici in tests). */
export function apiUrl(path: string, query?: QueryParams): string {
  const url = new URL(`/api${path}`, window.location.origin)
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v))
  }
  return url.toString()
}

/** Path segments are encoded even though ids are URL-safe by contract (defence in depth). */
export function seg(value: string): string {
  return encodeURIComponent(value)
}

export const api = {
  get(path: string, query?: QueryParams, signal?: AbortSignal): Promise<Response> {
    return fetch(apiUrl(path, query), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal,
    })
  },
  /** Unsafe requests carry the CSRF header the BFF requires, and always a JSON body. */
  post(path: string, body?: unknown): Promise<Response> {
    return fetch(apiUrl(path), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-Ops-Console': '1',
      },
      body: JSON.stringify(body ?? {}),
    })
  },
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text()
  if (!text) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function errorFrom(res: Response, body: unknown): ApiError {
  const parsed = ErrorEnvelope.safeParse(body)
  const requestId = res.headers.get('x-request-id')
  if (!parsed.success) {
    return new ApiError(
      res.status,
      res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST',
      `Request failed (HTTP ${res.status})`,
      requestId,
    )
  }
  const e = parsed.data.error
  return new ApiError(
    res.status,
    e.code,
    e.message,
    e.requestId,
    e.upstream,
    e.retryAfterSeconds,
    e.fields,
  )
}

/** Returns the validated JSON body, or throws ApiError for any failure (HTTP, network, shape). */
export async function unwrap<T = unknown>(
  response: Promise<Response> | Response,
  schema?: z.ZodType<T>,
): Promise<T> {
  let res: Response
  try {
    res = await response
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e
    throw new ApiError(
      0,
      'NETWORK',
      'Cannot reach the server. Check your connection and try again.',
      null,
    )
  }
  const body = await readJson(res)
  if (!res.ok) throw errorFrom(res, body)
  if (!schema) return body as T
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? ''
    throw new ApiError(
      res.status,
      'BAD_RESPONSE',
      `Unexpected response from the server${where ? ` at "${where}"` : ''}.`,
      res.headers.get('x-request-id'),
    )
  }
  return parsed.data
}
