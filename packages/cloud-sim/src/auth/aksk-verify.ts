import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/** §1.3: the gateway rejects X-Sdk-Date more than 15 minutes off. */
export const MAX_SKEW_MS = 15 * 60_000
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

export interface SignedRequest {
  method: string
  url: string
  headers: Headers
  body: string
}

/** `ak` on a failure: the key whose signature did not match (counts towards its lockout). */
export type AkSkResult =
  | { ok: true; ak: string; signedHeaders: readonly string[] }
  | { ok: false; reason: string; ak?: string }

/** RFC 3986: unreserved A-Za-z0-9-_.~ kept, everything else %XY upper hex (UTF-8 bytes). */
export function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Received path, each segment decoded then re-encoded, always ending in `/`. */
export function canonicalUri(pathname: string): string {
  const uri = pathname
    .split('/')
    .map((seg) => rfc3986(decode(seg)))
    .join('/')
  return uri.endsWith('/') ? uri : `${uri}/`
}

/** Query params decoded then re-encoded, sorted by name then value (repeats kept). */
export function canonicalQuery(search: string): string {
  const raw = search.startsWith('?') ? search.slice(1) : search
  if (raw === '') return ''
  const pairs = raw
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=')
      const name = eq < 0 ? p : p.slice(0, eq)
      const value = eq < 0 ? '' : p.slice(eq + 1)
      return [rfc3986(decode(name)), rfc3986(decode(value))] as const
    })
  pairs.sort((a, b) => (a[0] === b[0] ? cmp(a[1], b[1]) : cmp(a[0], b[0])))
  return pairs.map(([n, v]) => `${n}=${v}`).join('&')
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export function parseAuthorization(
  value: string,
): { ak: string; signedHeaders: string[]; signature: string } | null {
  const m =
    /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/.exec(
      value,
    )
  if (!m) return null
  return {
    ak: m[1] as string,
    signedHeaders: (m[2] as string).toLowerCase().split(';'),
    signature: (m[3] as string).toLowerCase(),
  }
}

/** `20191115T033655Z` → epoch ms, or null when malformed. */
export function parseSdkDate(value: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (!m) return null
  const [, y, mo, d, h, mi, s] = m.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  return Date.UTC(y, mo - 1, d, h, mi, s)
}

export function canonicalRequest(req: SignedRequest, signedHeaders: string[]): string {
  const url = new URL(req.url)
  const headerLines = [...signedHeaders].sort().map((name) => {
    const value = name === 'host' ? url.host : (req.headers.get(name) ?? '')
    return `${name}:${value.trim()}\n`
  })
  const bodyHash =
    req.headers.get('x-sdk-content-sha256') ??
    (req.body === '' ? EMPTY_SHA256 : sha256Hex(req.body))
  return [
    req.method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.search),
    headerLines.join(''),
    [...signedHeaders].sort().join(';'),
    bodyHash,
  ].join('\n')
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/**
 * Verifies an SDK-HMAC-SHA256 request. Reasons are the gateway's wording after
 * "Incorrect IAM authentication information: " and never contain key material.
 */
export function verifyAkSk(
  req: SignedRequest,
  secretFor: (ak: string) => string | undefined,
  now: number,
): AkSkResult {
  const auth = parseAuthorization(req.headers.get('authorization') ?? '')
  if (!auth) return { ok: false, reason: 'verify aksk signature fail' }
  const dateHeader = req.headers.get('x-sdk-date')
  const date = dateHeader ? parseSdkDate(dateHeader) : null
  if (date === null) return { ok: false, reason: 'x-sdk-date not found or invalid' }
  // Wording unconfirmed: the docs only say timestamps more than 15 minutes off are rejected.
  if (Math.abs(now - date) > MAX_SKEW_MS)
    return { ok: false, reason: 'verify aksk signature fail, x-sdk-date expired' }
  const sk = secretFor(auth.ak)
  if (sk === undefined) return { ok: false, reason: 'verify aksk signature fail', ak: auth.ak }
  const stringToSign = `SDK-HMAC-SHA256\n${dateHeader}\n${sha256Hex(canonicalRequest(req, auth.signedHeaders))}`
  const expected = createHmac('sha256', sk).update(stringToSign, 'utf8').digest()
  const given = Buffer.from(auth.signature, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'verify aksk signature fail', ak: auth.ak }
  }
  return { ok: true, ak: auth.ak, signedHeaders: auth.signedHeaders }
}
