import { expect, test } from 'vitest'
import { z } from 'zod'
import { fakeFetch, json } from '../../test/fake-fetch.js'
import { CloudError } from '../errors.js'
import type { FetchLike, RequestInfo } from '../types.js'
import type { AuthProvider } from '../auth/auth-provider.js'
import { createHttpCore } from './http-core.js'

const schema = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) })

function core(
  fetch: FetchLike,
  extra: {
    auth?: AuthProvider
    sleeps?: number[]
    timeoutMs?: number
    onRequest?: (i: RequestInfo) => void
  } = {},
) {
  return createHttpCore({
    service: 'dli',
    baseUrl: 'http://127.0.0.1:4010/dli',
    fetch,
    auth: extra.auth ?? null,
    timeoutMs: extra.timeoutMs ?? 1000,
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 2000 },
    sleep: (ms) => {
      extra.sleeps?.push(ms)
      return Promise.resolve()
    },
    random: () => 0.5,
    now: () => Date.parse('2026-01-01T00:00:00Z'),
    ...(extra.onRequest ? { onRequest: extra.onRequest } : {}),
  })
}

const get = {
  operation: 'getJob',
  method: 'GET' as const,
  path: '/v1.0/p/streaming/jobs/1',
  schema,
}
const post = {
  operation: 'stopJobs',
  method: 'POST' as const,
  path: '/v1.0/p/streaming/jobs/stop',
  body: { a: 1 },
  schema,
}

async function failure(promise: Promise<unknown>): Promise<CloudError> {
  try {
    await promise
  } catch (e) {
    if (e instanceof CloudError) return e
    throw e
  }
  throw new Error('expected a CloudError')
}

test('a GET resolves with data, status, request id and keeps long ids exact', async () => {
  const fetch = fakeFetch(() => json(200, '{"id": 9007199254740993}', { 'X-Request-Id': 'req-1' }))
  const result = await core(fetch).request({ ...get, query: { a: 'x y', b: [1, 2], c: undefined } })
  expect(result.data.id).toBe('9007199254740993')
  expect(result.status).toBe(200)
  expect(result.requestId).toBe('req-1')
  expect(result.durationMs).toBeGreaterThanOrEqual(0)
  expect(fetch.calls[0]?.url).toBe(
    'http://127.0.0.1:4010/dli/v1.0/p/streaming/jobs/1?a=x%20y&b=1&b=2',
  )
  expect(fetch.calls[0]?.redirect).toBe('manual')
})

test('429 with Retry-After seconds is waited out and retried for reads', async () => {
  const sleeps: number[] = []
  const fetch = fakeFetch(
    () => json(429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'Retry-After': '1' }),
    () => json(200, { id: 1 }),
  )
  const result = await core(fetch, { sleeps }).request(get)
  expect(result.data.id).toBe('1')
  expect(sleeps).toEqual([1000])
  expect(fetch.calls).toHaveLength(2)
})

test('Retry-After as an HTTP date is honoured', async () => {
  const sleeps: number[] = []
  const fetch = fakeFetch(
    () => json(503, {}, { 'Retry-After': 'Thu, 01 Jan 2026 00:00:01 GMT' }),
    () => json(200, { id: 2 }),
  )
  await core(fetch, { sleeps }).request(get)
  expect(sleeps).toEqual([1000])
})

test('a Retry-After longer than maxDelayMs is returned to the caller instead of waited', async () => {
  const fetch = fakeFetch(() =>
    json(429, { error_code: 'X', error_msg: 'slow down' }, { 'Retry-After': '120' }),
  )
  const error = await failure(core(fetch).request(get))
  expect(error.retryAfterMs).toBe(120_000)
  expect(error.retryable).toBe(true)
  expect(fetch.calls).toHaveLength(1)
})

test('5xx reads are retried with jittered backoff until attempts run out', async () => {
  const sleeps: number[] = []
  const fetch = fakeFetch(() => json(500, { error_code: 'CB.00060100', error_msg: 'busy' }))
  const error = await failure(core(fetch, { sleeps }).request(get))
  expect(fetch.calls).toHaveLength(3)
  expect(sleeps).toEqual([5, 10])
  expect(error).toMatchObject({
    kind: 'http',
    status: 500,
    code: 'CB.00060100',
    retryable: true,
    service: 'dli',
    operation: 'getJob',
  })
})

test('mutations are never retried on 5xx or network errors', async () => {
  const fetch = fakeFetch(() => json(503, { error_code: 'DLI.0999', error_msg: 'down' }))
  expect((await failure(core(fetch).request(post))).status).toBe(503)
  expect(fetch.calls).toHaveLength(1)
  const broken = fakeFetch(() => Promise.reject(new TypeError('socket hang up')))
  expect((await failure(core(broken).request(post))).kind).toBe('network')
  expect(broken.calls).toHaveLength(1)
})

test('network errors on reads are retried', async () => {
  const fetch = fakeFetch(
    () => Promise.reject(new TypeError('ECONNRESET')),
    () => json(200, { id: 3 }),
  )
  expect((await core(fetch).request(get)).data.id).toBe('3')
})

test('a 3xx is a redirect error and is not followed', async () => {
  const fetch = fakeFetch(
    () => new Response(null, { status: 302, headers: { location: 'https://evil.example.com/' } }),
  )
  const error = await failure(core(fetch).request(get))
  expect(error).toMatchObject({ kind: 'redirect', status: 302, retryable: false })
  expect(fetch.calls).toHaveLength(1)
})

test('malformed JSON and unexpected shapes are parse errors', async () => {
  expect((await failure(core(fakeFetch(() => json(200, '{"id": 1,,'))).request(get))).kind).toBe(
    'parse',
  )
  const shape = await failure(core(fakeFetch(() => json(200, { id: true }))).request(get))
  expect(shape.kind).toBe('parse')
  expect(shape.message).toContain('id')
})

test('a hanging transport that ignores the signal still times out', async () => {
  const fetch = fakeFetch(() => new Promise<Response>(() => {}))
  const started = Date.now()
  const error = await failure(core(fetch, { timeoutMs: 50 }).request(post))
  expect(error).toMatchObject({ kind: 'timeout', retryable: true })
  expect(Date.now() - started).toBeLessThan(1000)
})

test('a caller abort stops the call without retries', async () => {
  const controller = new AbortController()
  const fetch = fakeFetch(() => new Promise<Response>(() => controller.abort()))
  const error = await failure(core(fetch).request({ ...get, call: { signal: controller.signal } }))
  expect(error.kind).toBe('network')
  expect(error.message).toContain('aborted')
  expect(fetch.calls).toHaveLength(1)
})

test('a caller deadline (abort reason TimeoutError) is a timeout, also not retried', async () => {
  const controller = new AbortController()
  const deadline = new DOMException('source deadline', 'TimeoutError')
  const fetch = fakeFetch(() => new Promise<Response>(() => controller.abort(deadline)))
  const error = await failure(core(fetch).request({ ...get, call: { signal: controller.signal } }))
  expect(error).toMatchObject({ kind: 'timeout', retryable: true })
  expect(fetch.calls).toHaveLength(1)
})

test.each([
  [
    'DLF',
    400,
    { error_code: 'DLF.0100', error_msg: 'The job does not exists.' },
    'DLF.0100',
    'The job does not exists.',
  ],
  [
    'ModelArts error_message',
    400,
    { error_code: 'ModelArts.4851', error_message: 'version not found' },
    'ModelArts.4851',
    'version not found',
  ],
  [
    'DLI array',
    400,
    [
      { is_success: 'true', message: 'ok' },
      { error_code: 'DLI.15002', error_msg: 'state' },
    ],
    'DLI.15002',
    'state',
  ],
  [
    'IAM',
    401,
    { error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } },
    '401',
    'The username or password is wrong.',
  ],
  [
    'gateway',
    401,
    {
      error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      error_code: 'APIGW.0301',
      request_id: 'gw-9',
    },
    'APIGW.0301',
    'Incorrect IAM authentication information: verify aksk signature fail',
  ],
])('error envelope %s', async (_name, status, body, code, message) => {
  const error = await failure(core(fakeFetch(() => json(status, body))).request(post))
  expect(error).toMatchObject({ kind: 'http', status, code, message, retryable: false })
  if (code === 'APIGW.0301') expect(error.requestId).toBe('gw-9')
})

test('a non-JSON error body falls back to the HTTP status text', async () => {
  const error = await failure(
    core(
      fakeFetch(
        () => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      ),
    ).request(post),
  )
  expect(error).toMatchObject({
    kind: 'http',
    status: 502,
    code: null,
    message: 'HTTP 502 Bad Gateway',
  })
})

test('a 401 refreshes credentials once and resends, even for a mutation', async () => {
  let token = 'tok-1'
  let refreshes = 0
  const auth: AuthProvider = {
    authorize: () => Promise.resolve({ headers: { 'X-Auth-Token': token }, credentialId: token }),
    refreshAfterUnauthorized: () => {
      refreshes++
      token = `tok-${refreshes + 1}`
      return Promise.resolve(true)
    },
  }
  const fetch = fakeFetch((c) =>
    c.headers['x-auth-token'] === 'tok-2'
      ? json(200, { id: 5 })
      : json(401, { error_code: 'APIGW.0301', error_msg: 'token expires' }),
  )
  expect((await core(fetch, { auth }).request(post)).data.id).toBe('5')
  expect(refreshes).toBe(1)
  const always401 = fakeFetch(() => json(401, { error_code: 'APIGW.0301', error_msg: 'no' }))
  expect((await failure(core(always401, { auth }).request(post))).status).toBe(401)
  expect(always401.calls).toHaveLength(2)
})

test('onRequest sees every attempt but no headers, query or body', async () => {
  const infos: RequestInfo[] = []
  const fetch = fakeFetch(
    () => json(500, {}),
    () => json(200, { id: 1 }, { 'x-request-id': 'r2' }),
  )
  const auth: AuthProvider = {
    authorize: () => Promise.resolve({ headers: { 'X-Auth-Token': 'SECRET-TOKEN' } }),
  }
  await core(fetch, { auth, onRequest: (i) => infos.push(i) }).request({
    ...get,
    query: { secret: 'q' },
  })
  expect(infos.map((i) => [i.attempt, i.status])).toEqual([
    [1, 500],
    [2, 200],
  ])
  expect(JSON.stringify(infos)).not.toMatch(/SECRET|secret/)
})

test('network error messages carry only an error code, never transport text that could quote headers', async () => {
  const leaky = new TypeError(
    'Headers.append: "SDK-HMAC-SHA256 Access=AK secret" is an invalid header value',
  )
  const reset = new TypeError('fetch failed', {
    cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  })
  const first = await failure(core(fakeFetch(() => Promise.reject(leaky))).request(post))
  expect(first.message).toBe('Network error: TypeError')
  const second = await failure(core(fakeFetch(() => Promise.reject(reset))).request(post))
  expect(second.message).toBe('Network error: ECONNRESET')
})
