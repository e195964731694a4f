import type { JsonValue } from '@ops-console/lossless-json'

export interface ErrorEnvelope {
  code: string | null
  message: string | null
  requestId: string | null
}

type JsonObject = { [key: string]: JsonValue }

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const text = (v: JsonValue | undefined): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null

/**
 * Reads the five error shapes of cloud-api.md §1.4:
 * - DLF / CodeArts / DLI / ModelArts `{error_code, error_msg}` (some ModelArts APIs: `error_message`),
 * - DLI batch calls: an array of per-job objects; the first element carrying `error_code` wins,
 * - IAM `{error: {code: 401, message, title}}` (numeric code returned as a string),
 * - API gateway `{error_msg, error_code: "APIGW.0301", request_id}`.
 */
export function readErrorEnvelope(body: JsonValue | undefined): ErrorEnvelope {
  if (Array.isArray(body)) {
    const first = body.find((item) => isObject(item) && item.error_code !== undefined) ?? body[0]
    return readErrorEnvelope(first)
  }
  if (!isObject(body)) return { code: null, message: null, requestId: null }
  if (isObject(body.error)) {
    const inner = body.error
    return {
      code: text(inner.code),
      message: text(inner.message) ?? text(inner.title),
      requestId: text(body.request_id),
    }
  }
  return {
    code: text(body.error_code) ?? text(body.code),
    message: text(body.error_msg) ?? text(body.error_message) ?? text(body.message),
    requestId: text(body.request_id),
  }
}

/** A route that does not exist at the gateway (as opposed to a resource that does not exist). */
export function isRouteGone(status: number | null, code: string | null, message: string): boolean {
  if (status !== 404) return false
  return code === 'APIGW.0101' || code === 'APIG.0101' || /API does not exist/i.test(message)
}
