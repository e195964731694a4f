import type { z } from 'zod'
import { uriEncode } from '../auth/uri-encode.js'
import { configError, type ServiceName } from '../errors.js'
import type { JsonInput } from '@ops-console/lossless-json'
import type { CallOptions } from '../types.js'

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[]

/** One API call as a service module describes it. */
export interface RequestSpec<S extends z.ZodType, U = z.output<S>> {
  operation: string
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  /** Path below the service base URL, built with {@link path}. */
  path: string
  query?: Record<string, QueryValue>
  body?: JsonInput
  headers?: Record<string, string>
  schema: S
  /** Turns the parsed body (plus response headers) into the returned data. */
  transform?: (data: z.output<S>, headers: Headers) => U
  /**
   * Lets a non-2xx answer resolve instead of throw (DLI batch calls whose array body carries
   * per-job results). Return true to parse it with `schema` like a success.
   */
  acceptError?: (status: number, body: unknown) => boolean
  call?: CallOptions
}

/**
 * Template tag that percent-encodes every interpolated path parameter as one segment. Empty, `.`
 * and `..` segments are rejected: URL normalisation would silently change the target resource.
 */
export function pathBuilder(service: ServiceName, operation: string) {
  return (strings: TemplateStringsArray, ...params: (string | number)[]): string => {
    let out = strings[0] ?? ''
    params.forEach((param, i) => {
      const value = String(param)
      if (value === '' || value === '.' || value === '..') {
        throw configError(service, operation, `Invalid path parameter '${value}'`)
      }
      out += uriEncode(value) + (strings[i + 1] ?? '')
    })
    return out
  }
}

export function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return ''
  const parts: string[] = []
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    const values = Array.isArray(value)
      ? (value as readonly (string | number)[])
      : [value as string | number | boolean]
    for (const v of values) parts.push(`${uriEncode(name)}=${uriEncode(String(v))}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}
