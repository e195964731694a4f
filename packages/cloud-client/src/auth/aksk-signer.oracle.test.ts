import { createRequire } from 'node:module'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { signRequest, formatSdkDate } from './aksk-signer.js'
import { uriEncode } from './uri-encode.js'

// The official SDK is the oracle; it is a devDependency only and never imported by src code.
interface SdkRequest {
  method: string
  endpoint: string
  headers: Record<string, string>
  queryParams: Record<string, string | string[]>
  data?: unknown
}
interface SdkSigner {
  sign(
    request: SdkRequest,
    credential: { getAk(): string; getSk(): string },
  ): Record<string, string>
}
const require = createRequire(import.meta.url)
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: SdkSigner
}

// Path characters: unreserved, RFC 3986 reserved sub-delims, '%', non-ASCII incl. astral. Excluded:
// '/', '?', '#' (structure) and the characters legacy url.parse (used inside the SDK) auto-escapes
// (space, quotes, <>\^`{|}): for those the SDK signs an already-escaped path, an SDK artefact.
const pathChar = fc.constantFrom(...'aZ09-_.~:@!$&()*+,;=%éß中文😀'.match(/./gu)!)
const anyChar = fc.constantFrom(...'aZ09-_.~ :@!$&()*+,;=%/?#[]"\'<>éß中文😀'.match(/./gu)!)
// '.' and '..' are excluded: WHATWG URL removes dot segments (the client rejects them as ids).
const segment = fc
  .string({ unit: pathChar, minLength: 1, maxLength: 8 })
  .filter((s) => s !== '.' && s !== '..')
const queryText = fc.string({ unit: anyChar, maxLength: 6 })
const headerName = fc
  .stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/)
  .filter(
    (n) =>
      !['host', 'authorization', 'x-sdk-date', 'content-type', 'x-sdk-content-sha256'].includes(
        n.toLowerCase(),
      ),
  )
const headerValue = fc.stringMatching(/^[!-~]([ -~]{0,20}[!-~])?$/)

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  host: fc.constantFrom(
    'dli.cn-north-4.myhuaweicloud.com',
    'iam.eu-west-101.myhuaweicloud.eu',
    '127.0.0.1:4010',
  ),
  segments: fc.array(segment, { minLength: 1, maxLength: 4 }),
  trailingSlash: fc.boolean(),
  query: fc.dictionary(
    queryText,
    fc.oneof(queryText, fc.array(queryText, { minLength: 1, maxLength: 3 })),
    { maxKeys: 4 },
  ),
  body: fc.option(
    fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
    { nil: undefined },
  ),
  headers: fc.uniqueArray(fc.tuple(headerName, headerValue), {
    maxLength: 4,
    selector: ([n]) => n.toLowerCase(),
  }),
  unsignedPayload: fc.boolean(),
  date: fc.date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  }),
})

test('signatures equal the official SDK AKSKSigner for 200 generated requests', () => {
  const ak = 'QTWAOYTTINDUT2QVKYUC'
  const sk = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc'
  const samples = fc.sample(requestArb, { seed: 20261125, numRuns: 200 })
  let withQuery = 0
  for (const r of samples) {
    const date = new Date(Math.floor(r.date.getTime() / 1000) * 1000)
    const rawPath = `/${r.segments.join('/')}${r.trailingSlash ? '/' : ''}`
    const headers: Record<string, string> = Object.fromEntries(r.headers)
    if (r.body) headers['content-type'] = 'application/json'
    if (r.unsignedPayload) headers['X-Sdk-Content-Sha256'] = 'UNSIGNED-PAYLOAD'
    const pairs = Object.entries(r.query).flatMap(([k, v]) =>
      Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]],
    )
    if (pairs.length) withQuery++
    const qs = pairs.map(([k, v]) => `${uriEncode(k!)}=${uriEncode(v!)}`).join('&')
    const url = new URL(
      `https://${r.host}${r.segments.map(uriEncode).join('/').replace(/^/, '/')}${r.trailingSlash ? '/' : ''}${qs ? `?${qs}` : ''}`,
    )
    const body = r.body ? JSON.stringify(r.body) : undefined
    const mine = signRequest(
      { method: r.method, url, headers, ...(body ? { body } : {}) },
      ak,
      sk,
      date,
    )
    const theirs = AKSKSigner.sign(
      {
        method: r.method,
        endpoint: `https://${r.host}${rawPath}`,
        headers: { ...headers, 'X-Sdk-Date': formatSdkDate(date) },
        queryParams: structuredClone(r.query),
        ...(r.body ? { data: r.body } : {}),
      },
      { getAk: () => ak, getSk: () => sk },
    )
    expect(mine.Authorization, JSON.stringify({ rawPath, query: r.query, headers })).toBe(
      theirs.Authorization,
    )
    expect(mine['X-Sdk-Date']).toBe(formatSdkDate(date))
  }
  expect(withQuery).toBeGreaterThan(50)
})

test('formatSdkDate produces the documented basic format', () => {
  expect(formatSdkDate(new Date('2019-11-15T03:36:55.123Z'))).toBe('20191115T033655Z')
})

test('a different secret or body changes the signature', () => {
  const url = new URL('https://dli.cn-north-4.myhuaweicloud.com/v1.0/p/streaming/jobs/stop')
  const now = new Date('2026-01-01T00:00:00Z')
  const base = signRequest(
    { method: 'POST', url, headers: {}, body: '{"job_ids":[1]}' },
    'AK',
    'SK1',
    now,
  )
  expect(
    signRequest({ method: 'POST', url, headers: {}, body: '{"job_ids":[1]}' }, 'AK', 'SK2', now)
      .Authorization,
  ).not.toBe(base.Authorization)
  expect(
    signRequest({ method: 'POST', url, headers: {}, body: '{"job_ids":[2]}' }, 'AK', 'SK1', now)
      .Authorization,
  ).not.toBe(base.Authorization)
})
