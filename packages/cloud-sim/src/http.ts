import type { Context } from 'hono'
import type { IncomingMessage } from 'node:http'
import { stringifyJson, type JsonInput, type JsonValue } from '@ops-console/lossless-json'
import type { ServiceName, SimAkSk } from './types.js'
import type { TokenRecord } from './auth/token-store.js'

/** Who made the call, as established by the gateway layer. */
export type Caller =
  { kind: 'token'; token: TokenRecord } | { kind: 'aksk'; ak: string; pair: SimAkSk }

export interface SimEnv {
  Bindings: { incoming?: IncomingMessage }
  Variables: { requestId: string; rawBody: string; caller: Caller }
}
export type SimContext = Context<SimEnv>

/** JSON response through the lossless writer (longNumber ids stay exact). */
export function sendJson(c: SimContext, status: number, value: JsonInput): Response {
  return new Response(stringifyJson(value), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
  })
}

export function noContent(): Response {
  return new Response(null, { status: 204 })
}

/** DLF, CodeArts, DLI and ModelArts all use `{error_code, error_msg}` (§1.4). */
export function serviceError(
  c: SimContext,
  service: ServiceName,
  status: number,
  code: string,
  message: string,
): Response {
  if (service === 'iam') return iamError(c, status, message)
  return sendJson(c, status, { error_code: code, error_msg: message })
}

const IAM_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
}
export function iamError(c: SimContext, status: number, message: string): Response {
  return sendJson(c, status, {
    error: { code: status, message, title: IAM_TITLES[status] ?? 'Error' },
  })
}

/** The API gateway's own envelope (APIGW.*), which carries request_id. */
export function gatewayError(
  c: SimContext,
  status: number,
  code: string,
  message: string,
): Response {
  return sendJson(c, status, {
    error_msg: message,
    error_code: code,
    request_id: c.get('requestId') ?? null,
  })
}

export function isRecord(v: unknown): v is Record<string, JsonValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Integer query parameter with a default; null when present but not a valid integer in range. */
export function intQuery(
  c: SimContext,
  name: string,
  def: number,
  min: number,
  max: number,
): number | null {
  const raw = c.req.query(name)
  if (raw === undefined || raw === '') return def
  if (!/^-?\d+$/.test(raw)) return null
  const n = Number(raw)
  return n < min || n > max ? null : n
}

/** ISO-8601 UTC with microseconds, as IAM prints `issued_at` / `expires_at`. */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z')
}

/** ISO-8601 in UTC+8 with offset, as CodeArts prints build times (`2020-12-30T17:33:27+08:00`). */
export function isoBeijing(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00')
}
