import { expect, test } from 'vitest'
import { fakeFetch, json } from '../test/fake-fetch.js'
import { createCloudClient } from './client.js'
import { CloudError } from './errors.js'

const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9'
const password = { type: 'password' as const, domain: 'acme', user: 'ops', password: 'pw' }
const token = (n: number) =>
  json(
    201,
    {
      token: {
        expires_at: '2026-01-02T00:00:00.000000Z',
        issued_at: '2026-01-01T00:00:00.000000Z',
      },
    },
    { 'X-Subject-Token': `tok-${n}` },
  )

test('password credentials: one IAM token for concurrent calls, sent as X-Auth-Token', async () => {
  let tokens = 0
  const fetch = fakeFetch((c) =>
    c.url.includes('/v3/auth/tokens') ? token(++tokens) : json(200, { count: 0, tasks: [] }),
  )
  const client = createCloudClient({
    region: 'cn-north-4',
    projectId: PROJECT,
    credentials: password,
    fetch,
  })
  await Promise.all([
    client.modelarts.listTasks(),
    client.modelarts.listTasks(),
    client.dli.listJobs().catch(() => null),
  ])
  expect(tokens).toBe(1)
  const serviceCalls = fetch.calls.filter((c) => !c.url.includes('/v3/auth/tokens'))
  expect(
    serviceCalls.every(
      (c) => c.headers['x-auth-token'] === 'tok-1' && c.headers.authorization === undefined,
    ),
  ).toBe(true)
})

test('a service 401 refreshes the token once and resends the stop', async () => {
  let tokens = 0
  const fetch = fakeFetch((c) => {
    if (c.url.includes('/v3/auth/tokens')) return token(++tokens)
    return c.headers['x-auth-token'] === 'tok-1'
      ? json(401, {
          error_msg: 'Incorrect IAM authentication information: token expires, expires_at: x',
          error_code: 'APIGW.0301',
          request_id: 'r',
        })
      : new Response(null, { status: 204 })
  })
  const client = createCloudClient({
    region: 'cn-north-4',
    projectId: PROJECT,
    credentials: password,
    fetch,
  })
  expect((await client.dataarts.stopJob('j')).status).toBe(204)
  expect(tokens).toBe(2)
  expect(fetch.calls.filter((c) => c.url.endsWith('/stop'))).toHaveLength(2)
})

test('two clients can share one token provider', async () => {
  let tokens = 0
  const fetch = fakeFetch((c) =>
    c.url.includes('/v3/auth/tokens') ? token(++tokens) : json(200, { count: 0, tasks: [] }),
  )
  const a = createCloudClient({
    region: 'cn-north-4',
    projectId: PROJECT,
    credentials: password,
    fetch,
  })
  const b = createCloudClient({
    region: 'cn-north-4',
    projectId: PROJECT,
    credentials: password,
    fetch,
    tokenProvider: a.tokenProvider!,
  })
  await a.modelarts.listTasks()
  await b.modelarts.listTasks()
  expect(tokens).toBe(1)
})

test('AK/SK with a security token signs X-Security-Token and X-Project-Id', async () => {
  const fetch = fakeFetch(() => json(200, { count: 0, tasks: [] }))
  const client = createCloudClient({
    region: 'cn-north-4',
    projectId: PROJECT,
    credentials: { type: 'aksk', ak: 'AK', sk: 'SK', securityToken: 'STS' },
    fetch,
  })
  await client.modelarts.listTasks()
  const headers = fetch.calls[0]!.headers
  expect(headers['x-security-token']).toBe('STS')
  expect(headers.authorization).toContain(
    'SignedHeaders=accept;host;x-project-id;x-sdk-date;x-security-token,',
  )
  expect(headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/)
})

test('insecure or invalid options are config errors at construction', () => {
  const base = { region: 'cn-north-4', projectId: PROJECT, credentials: password }
  const kind = (fn: () => unknown) => {
    try {
      fn()
    } catch (e) {
      return e instanceof CloudError ? e.kind : 'other'
    }
    return 'none'
  }
  expect(
    kind(() => createCloudClient({ ...base, endpoints: { dli: 'http://127.0.0.1:4010/dli' } })),
  ).toBe('config')
  expect(
    kind(() =>
      createCloudClient({
        ...base,
        endpoints: { dli: 'http://127.0.0.1:4010/dli' },
        allowInsecureLoopback: true,
        nodeEnv: 'production',
      }),
    ),
  ).toBe('config')
  expect(kind(() => createCloudClient({ ...base, projectId: '../x' }))).toBe('config')
  expect(
    kind(() =>
      createCloudClient({
        ...base,
        endpoints: { dli: 'http://127.0.0.1:4010/dli' },
        allowInsecureLoopback: true,
        nodeEnv: 'test',
      }),
    ),
  ).toBe('none')
})

test('an Open Telekom Cloud target gets its preset hosts; a service it lacks fails alone, unsent', async () => {
  const fetch = fakeFetch(() => json(200, { count: 0, tasks: [] }))
  const client = createCloudClient({
    region: 'eu-de',
    provider: 'otc',
    projectId: PROJECT,
    credentials: { type: 'aksk', ak: 'AK', sk: 'SK' },
    fetch,
  })
  expect(client.endpoints).toEqual({
    iam: 'https://iam.eu-de.otc.t-systems.com',
    dataarts: 'https://dayu-dlf.eu-de.otc.t-systems.com',
    codearts: null,
    dli: 'https://dli.eu-de.otc.t-systems.com',
    modelarts: 'https://modelarts.eu-de.otc.t-systems.com',
  })
  await client.modelarts.listTasks()
  expect(fetch.calls[0]?.url).toBe(
    `https://modelarts.eu-de.otc.t-systems.com/v2/${PROJECT}/processor-tasks`,
  )
  const refused = await client.codearts.listProjectJobs('cp1').catch((e: unknown) => e)
  expect(refused).toBeInstanceOf(CloudError)
  expect(refused).toMatchObject({ kind: 'config', service: 'codearts' })
  expect(fetch.calls).toHaveLength(1)
})

test('a per-service override wins over the preset, also where the provider has none', () => {
  const client = createCloudClient({
    region: 'eu-de',
    provider: 'otc',
    projectId: PROJECT,
    credentials: { type: 'aksk', ak: 'AK', sk: 'SK' },
    endpoints: {
      codearts: 'https://build.example.com/cb',
      dli: 'https://dli.internal.example.com',
    },
  })
  expect(client.endpoints.codearts).toBe('https://build.example.com/cb')
  expect(client.endpoints.dli).toBe('https://dli.internal.example.com')
  expect(client.endpoints.iam).toBe('https://iam.eu-de.otc.t-systems.com')
})
