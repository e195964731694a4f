import { createHash, createHmac } from 'node:crypto'
import { compareCodeUnits, uriEncode } from './uri-encode.js'

/** Everything the SDK-HMAC-SHA256 signature covers (cloud-api.md §1.3). */
export interface SignableRequest {
  method: string
  /** The URL exactly as it will be sent (path percent-encoded, query optional). */
  url: URL
  /** Headers that will be sent, any case; all of them are signed. */
  headers: Record<string, string>
  /** The exact body bytes that will be sent. */
  body?: string
}

export interface SignedHeaders {
  'X-Sdk-Date': string
  Authorization: string
}

const ALGORITHM = 'SDK-HMAC-SHA256'
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

/** `YYYYMMDDTHHMMSSZ` in UTC. */
export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex')

/**
 * Canonical URI: every path segment decoded then re-encoded with {@link uriEncode}, always ending in
 * `/`. Decoding first makes the result independent of how the caller escaped the path; it matches
 * the SDK, which signs the raw (unescaped) path it inserted its parameters into.
 */
export function canonicalUri(pathname: string): string {
  const encoded = pathname
    .split('/')
    .map((segment) => uriEncode(decodeSegment(segment)))
    .join('/')
  return encoded.endsWith('/') ? encoded : `${encoded}/`
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** Sorted by raw name then raw value (the SDK sorts object keys and array values before encoding). */
export function canonicalQuery(params: URLSearchParams): string {
  const pairs = [...params.entries()]
  pairs.sort((a, b) => compareCodeUnits(a[0], b[0]) || compareCodeUnits(a[1], b[1]))
  return pairs.map(([name, value]) => `${uriEncode(name)}=${uriEncode(value)}`).join('&')
}

/**
 * Signs a request with SDK-HMAC-SHA256 over what will be sent: all given headers plus `host` and
 * `x-sdk-date`; the body hash is `X-Sdk-Content-Sha256` when present. For every request the
 * client produces this equals `AKSKSigner` of @huaweicloud/huaweicloud-sdk-core (oracle test).
 * Deliberately different outside that domain (docs/decisions/007c-signer-domain.md): header
 * values are signed trimmed, as fetch sends them; the path is signed as its sent segments; the
 * host is the URL's (no default port). Header names are compared by code unit (the SDK's
 * localeCompare agrees for the `[a-z0-9-]` names the client sends).
 */
export function signRequest(
  req: SignableRequest,
  ak: string,
  sk: string,
  now: Date,
): SignedHeaders {
  const sdkDate = formatSdkDate(now)
  const headers = new Map<string, string>()
  for (const [name, value] of Object.entries(req.headers))
    headers.set(name.toLowerCase(), value.trim())
  headers.delete('authorization')
  headers.set('host', req.url.host)
  headers.set('x-sdk-date', sdkDate)
  const names = [...headers.keys()].sort(compareCodeUnits)
  const canonicalHeaders = names.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join('')
  const signedHeaders = names.join(';')
  const payloadHash =
    headers.get('x-sdk-content-sha256') ?? (req.body ? sha256Hex(req.body) : EMPTY_BODY_SHA256)
  const canonicalRequest = [
    req.method.toUpperCase(),
    canonicalUri(req.url.pathname),
    canonicalQuery(req.url.searchParams),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n')
  const stringToSign = [ALGORITHM, sdkDate, sha256Hex(canonicalRequest)].join('\n')
  const signature = createHmac('sha256', sk).update(stringToSign, 'utf8').digest('hex')
  return {
    'X-Sdk-Date': sdkDate,
    Authorization: `${ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  }
}
