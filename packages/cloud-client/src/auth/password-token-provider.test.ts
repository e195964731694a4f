import { expect, test } from 'vitest'
import { fakeFetch, json } from '../../test/fake-fetch.js'
import { createHttpCore } from '../http/http-core.js'
import type { FetchLike } from '../types.js'
import { createPasswordTokenProvider } from './password-token-provider.js'

const credentials = {
  type: 'password' as const,
  domain: 'acme',
  user: 'ops',
  password: 'pa55-word',
}
const HOUR = 3_600_000

function tokenResponse(n: number) {
  return json(
    201,
    {
      token: {
        expires_at: '2020-01-05T09:05:22.701000Z',
        issued_at: '2020-01-04T09:05:22.701000Z',
        project: { id: 'p1', name: 'cn-north-4' },
      },
    },
    { 'X-Subject-Token': `token-${n}` },
  )
}

function provider(fetch: FetchLike, clock: { t: number }) {
  const iam = createHttpCore({
    service: 'iam',
    baseUrl: 'https://iam.cn-north-4.myhuaweicloud.com',
    fetch,
    auth: null,
    timeoutMs: 1000,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  })
  return createPasswordTokenProvider({ iam, credentials, projectId: 'p1', now: () => clock.t })
}

test('1,000 concurrent cold calls share exactly one IAM request', async () => {
  const fetch = fakeFetch(async (_c, i) => {
    await new Promise((r) => setTimeout(r, 5))
    return tokenResponse(i + 1)
  })
  const p = provider(fetch, { t: 0 })
  const tokens = await Promise.all(Array.from({ length: 1000 }, () => p.getToken()))
  expect(new Set(tokens)).toEqual(new Set(['token-1']))
  expect(fetch.calls).toHaveLength(1)
  const call = fetch.calls[0]!
  expect(call.url).toBe('https://iam.cn-north-4.myhuaweicloud.com/v3/auth/tokens?nocatalog=true')
  expect(call.headers['content-type']).toBe('application/json;charset=utf8')
  expect(JSON.parse(call.body ?? '')).toEqual({
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: 'ops', password: 'pa55-word', domain: { name: 'acme' } } },
      },
      scope: { project: { id: 'p1' } },
    },
  })
})

test('the token is reused until one hour before expiry (lifetime measured locally), then refreshed', async () => {
  const fetch = fakeFetch((_c, i) => tokenResponse(i + 1))
  const clock = { t: 1_000_000 }
  const p = provider(fetch, clock)
  expect(await p.getToken()).toBe('token-1')
  clock.t += 22 * HOUR
  expect(await p.getToken()).toBe('token-1')
  clock.t += HOUR + 1
  expect(await p.getToken()).toBe('token-2')
  expect(fetch.calls).toHaveLength(2)
})

test('a failed early refresh keeps using the still-valid token; a failed cold fetch throws the IAM error', async () => {
  const fetch = fakeFetch(
    () => tokenResponse(1),
    () => json(500, { error: { code: 500, message: 'IAM down', title: 'Internal' } }),
  )
  const clock = { t: 0 }
  const p = provider(fetch, clock)
  await p.getToken()
  clock.t = 23.5 * HOUR
  expect(await p.getToken()).toBe('token-1')
  clock.t = 25 * HOUR
  await expect(p.getToken()).rejects.toMatchObject({
    service: 'iam',
    code: '500',
    message: 'IAM down',
  })
  const bad = provider(
    fakeFetch(() =>
      json(401, {
        error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' },
      }),
    ),
    { t: 0 },
  )
  const error = await bad.getToken().catch((e: unknown) => e)
  expect(error).toMatchObject({ kind: 'http', status: 401, code: '401' })
  expect(JSON.stringify(error) + String(error)).not.toContain('pa55-word')
})

test('refresh after a 401 fetches once for many concurrent stale callers', async () => {
  const fetch = fakeFetch((_c, i) => tokenResponse(i + 1))
  const p = provider(fetch, { t: 0 })
  const stale = await p.getToken()
  const results = await Promise.all(Array.from({ length: 50 }, () => p.refresh(stale)))
  expect(results.every(Boolean)).toBe(true)
  expect(await p.getToken()).toBe('token-2')
  expect(fetch.calls).toHaveLength(2)
})

test('a 201 without X-Subject-Token is a parse error', async () => {
  const p = provider(
    fakeFetch(() => json(201, { token: { expires_at: '2020-01-05T09:05:22Z' } })),
    { t: 0 },
  )
  await expect(p.getToken()).rejects.toMatchObject({ kind: 'parse', service: 'iam' })
})
