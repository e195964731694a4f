import { createRequire } from 'node:module'
import fc from 'fast-check'
import { expect, test } from 'vitest'
import { parseJson } from '@ops-console/lossless-json'
import { fakeFetch, json, type RecordedCall } from '../../test/fake-fetch.js'
import { clientCall, clientOptions } from '../../test/signer-domain.js'
import { createCloudClient } from '../client.js'
import { signRequest, formatSdkDate } from './aksk-signer.js'

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
const DATES = {
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
}

type SdkRequestOf = (call: RecordedCall) => SdkRequest

/**
 * The SDK's view of a request the client sent: the raw (decoded) path it would have been given,
 * the query as parameters, the headers without the two the signer adds, the body as data.
 */
const sdkRequestOf: SdkRequestOf = (call) => {
  const url = new URL(call.url)
  const rawPath = url.pathname.split('/').map(decodeURIComponent).join('/')
  const queryParams: Record<string, string | string[]> = {}
  for (const [name, value] of url.searchParams) {
    const seen = queryParams[name]
    queryParams[name] =
      seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]
  }
  const { authorization: _a, 'x-sdk-date': date = '', ...headers } = call.headers
  return {
    method: call.method,
    endpoint: `${url.protocol}//${url.host}${rawPath}`,
    headers: { ...headers, 'X-Sdk-Date': date },
    queryParams,
    // Lossless: DLI job ids above 2^53 must reach JSON.stringify as the digits that were sent.
    ...(call.body ? { data: parseJson(call.body, { longs: 'raw' }) } : {}),
  }
}

test('signatures equal the official SDK AKSKSigner on 1,200 seeded random requests of the client', async () => {
  const samples = fc.sample(fc.tuple(clientOptions, clientCall, fc.date(DATES)), {
    seed: 20261125,
    numRuns: 1300,
  })
  let compared = 0
  const operations = new Set<string>()
  for (const [options, call, date] of samples) {
    const fetch = fakeFetch(() => json(400, { error_code: 'X.0001', error_msg: 'refused' }))
    const client = createCloudClient({
      region: 'cn-north-4',
      ...options,
      projectId: options.projectId ?? 'p',
      credentials: options.credentials ?? { type: 'aksk', ak: 'AK', sk: 'SK' },
      fetch,
      allowInsecureLoopback: true,
      nodeEnv: 'test',
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      codeartsStopRoute: 'v1',
      now: () => Math.floor(date.getTime() / 1000) * 1000,
    })
    await call(client).catch(() => undefined)
    for (const sent of fetch.calls) {
      const sk = options.credentials?.type === 'aksk' ? options.credentials.sk : ''
      const theirs = AKSKSigner.sign(sdkRequestOf(sent), {
        getAk: () => 'QTWAOYTTINDUT2QVKYUC',
        getSk: () => sk,
      })
      expect(sent.headers.authorization, JSON.stringify(sdkRequestOf(sent))).toBe(
        theirs.Authorization,
      )
      operations.add(
        `${sent.method} ${new URL(sent.url).pathname.split('/').slice(0, 4).join('/')}`,
      )
      compared++
    }
  }
  expect(compared).toBeGreaterThanOrEqual(1200)
  // The sample spans the operations: many distinct method/path shapes were signed.
  expect(operations.size).toBeGreaterThan(100)
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
