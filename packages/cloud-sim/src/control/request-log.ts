import { isJsonLong, parseJson, stringifyJson, type JsonInput } from '@ops-console/lossless-json'
import type { SimRequestRecord } from '../types.js'

const MAX_RECORDS = 5000
const EXCERPT_CHARS = 500
/** Keys whose values never reach the log: passwords, secret keys, tokens. */
const SECRET_KEY = /pass(word)?|secret|^sk$|token|authorization|signature/i

/** Recursively masks secret-looking members of a parsed JSON body. */
function redact(value: JsonInput): JsonInput {
  if (Array.isArray(value)) return (value as readonly JsonInput[]).map(redact)
  if (value && typeof value === 'object' && !isJsonLong(value)) {
    const out: Record<string, JsonInput> = {}
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        SECRET_KEY.test(k) && (typeof v === 'string' || typeof v === 'number') ? '***' : redact(v)
    }
    return out
  }
  return value
}

/** A body excerpt safe for logs: JSON is redacted structurally, anything else by pattern. */
export function safeExcerpt(body: string): string {
  if (body === '') return ''
  let text: string
  try {
    // Lossless, so long ids in the excerpt are exactly what the client sent.
    text = stringifyJson(redact(parseJson(body, { longs: 'raw' })))
  } catch {
    text = body.replace(
      /((?:pass(?:word)?|secret|token|sk)["']?\s*[:=]\s*["']?)[^"'&\s,}]*/gi,
      '$1***',
    )
  }
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text
}

export function safeQuery(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of params) out[k] = SECRET_KEY.test(k) ? '***' : v
  return out
}

/** Bounded in-memory log of requests received by the simulated services. */
export class RequestLog {
  private records: SimRequestRecord[] = []

  add(record: SimRequestRecord): void {
    this.records.push(record)
    if (this.records.length > MAX_RECORDS) this.records.splice(0, this.records.length - MAX_RECORDS)
  }

  all(): SimRequestRecord[] {
    return this.records.map((r) => ({ ...r, query: { ...r.query } }))
  }

  clear(): void {
    this.records = []
  }
}
