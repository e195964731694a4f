import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/** prev_hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted at every depth, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    const src = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(src).sort())
      if (src[key] !== undefined) out[key] = sortKeys(src[key])
    return out
  }
  return value
}

export interface ChainedFields {
  seq: number
  id: string
  type: 'intent' | 'outcome' | 'event'
  intent_id: string
  at: string
  body: string
  prev_hash: string
}

/** sha256 over the canonical serialisation of the row including the previous row's hash. */
export function rowHash(row: ChainedFields): string {
  const { seq, id, type, intent_id, at, body, prev_hash } = row
  return createHash('sha256')
    .update(canonicalJson({ seq, id, type, intent_id, at, body, prev_hash }))
    .digest('hex')
}

/**
 * The row's MAC: HMAC-SHA256 of its hash under a key the database never holds. Rewriting a row
 * and rehashing every later one (triggers dropped) cannot produce these without the key.
 */
export function rowMac(key: string, hash: string): string {
  return createHmac('sha256', key).update(hash).digest('hex')
}

export function macMatches(key: string, hash: string, mac: string): boolean {
  const want = Buffer.from(rowMac(key, hash), 'hex')
  const got = Buffer.from(mac, 'hex')
  return got.length === want.length && timingSafeEqual(got, want)
}
