import { createCloudSim } from '@ops-console/cloud-sim'
import { expect, test } from 'vitest'
import { checkConnection, type ServiceCheck } from '../../src/check/connection-check.js'
import type { CloudClientOptions } from '../../src/client.js'
import { simSetup } from './sim-harness.js'

const outcomes = (checks: ServiceCheck[]) =>
  Object.fromEntries(checks.map((c) => [c.service, c.outcome]))

function run(
  credentials: 'password' | 'aksk',
  overrides: Partial<CloudClientOptions> = {},
  sim = createCloudSim({ clock: 'manual' }),
) {
  const setup = simSetup(credentials, overrides, sim)
  const codeartsProjectIds = sim.defaults.codeartsProjectIds[setup.region] ?? []
  return { ...setup, check: () => checkConnection(setup.client, { codeartsProjectIds }) }
}

test.each(['aksk', 'password'] as const)(
  'good %s credentials: every service reachable, authenticated, allowed, with latency and request id',
  async (auth) => {
    const { check, sim } = run(auth)
    const checks = await check()
    expect(checks.map((c) => c.service)).toEqual([
      'iam',
      'dataarts',
      'codearts',
      'dli',
      'modelarts',
    ])
    for (const c of checks) {
      expect(c).toMatchObject({
        outcome: 'ok',
        reachable: true,
        authenticated: true,
        allowed: true,
      })
      expect(c.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:4010\//)
      expect(c.latencyMs).toBeGreaterThanOrEqual(0)
    }
    expect(checks.filter((c) => c.service !== 'iam').every((c) => c.requestId)).toBe(true)
    // Read-only: nothing but GETs (and the token request) reached the simulator.
    const methods = sim.control.requests().map((r) => `${r.method} ${r.service}`)
    expect(methods.filter((m) => !m.startsWith('GET') && m !== 'POST iam')).toEqual([])
  },
)

test('a wrong secret key: IAM reports the gateway refusal; nothing else is tried, so the AK is not locked', async () => {
  const sim = createCloudSim({ clock: 'manual' })
  const wrong = run(
    'aksk',
    { credentials: { type: 'aksk', ak: sim.defaults.aksk.ak, sk: 'not-the-secret' } },
    sim,
  )
  const checks = await wrong.check()
  expect(checks[0]).toMatchObject({
    service: 'iam',
    outcome: 'unauthenticated',
    reachable: true,
    authenticated: false,
    status: 401,
    // IAM answers in its own envelope (the simulator's reading of keystone; the gateway's
    // APIGW.0301 reason is what the other services would say).
    code: '401',
    message: 'The request you have made requires authentication.',
  })
  expect(outcomes(checks.slice(1))).toEqual({
    dataarts: 'skipped',
    codearts: 'skipped',
    dli: 'skipped',
    modelarts: 'skipped',
  })
  expect(checks[1]?.message).toMatch(/5 failed signatures lock the AK/)
  expect(sim.control.requests()).toHaveLength(1)
  // Four more checks with the wrong key would lock it; one did not: the right key still works.
  const good = await run('aksk', {}, sim).check()
  expect(good.every((c) => c.outcome === 'ok')).toBe(true)
})

test('a wrong password: IAM says so once, the services are skipped', async () => {
  const sim = createCloudSim({ clock: 'manual' })
  const { user } = sim.defaults
  const checks = await run(
    'password',
    { credentials: { type: 'password', domain: user.domain, user: user.name, password: 'wrong' } },
    sim,
  ).check()
  expect(checks[0]).toMatchObject({
    service: 'iam',
    outcome: 'unauthenticated',
    status: 401,
    code: '401',
    message: 'The username or password is wrong.',
  })
  expect(checks.slice(1).every((c) => c.outcome === 'skipped')).toBe(true)
  expect(sim.control.requests().filter((r) => r.service === 'iam')).toHaveLength(1)
})

test('missing credentials (an empty key) and an unknown key are refused the same way', async () => {
  for (const credentials of [
    { type: 'aksk' as const, ak: '', sk: '' },
    { type: 'aksk' as const, ak: 'AKUNKNOWN0000000000', sk: 'whatever' },
  ]) {
    const checks = await run('aksk', { credentials }).check()
    expect(checks[0]).toMatchObject({ outcome: 'unauthenticated', status: 401 })
    expect(checks.slice(1).every((c) => c.outcome === 'skipped')).toBe(true)
  }
})

test('a forbidden service is reported as such; the others stay ok', async () => {
  const base = createCloudSim({ clock: 'manual' })
  const sim = createCloudSim({
    clock: 'manual',
    akskPairs: [{ ...base.defaults.aksk, deny: ['dli'] }],
  })
  const checks = await run('aksk', {}, sim).check()
  expect(outcomes(checks)).toEqual({
    iam: 'ok',
    dataarts: 'ok',
    codearts: 'ok',
    dli: 'forbidden',
    modelarts: 'ok',
  })
  expect(checks.find((c) => c.service === 'dli')).toMatchObject({
    reachable: true,
    authenticated: true,
    allowed: false,
    status: 403,
    code: 'APIGW.0302',
  })
})

test('temporary credentials work with their security token and are refused without it', async () => {
  const sim = createCloudSim({ clock: 'manual' })
  const temp = sim.defaults.temporaryAksk!
  const good = await run(
    'aksk',
    { credentials: { type: 'aksk', ak: temp.ak, sk: temp.sk, securityToken: temp.securityToken } },
    sim,
  ).check()
  expect(good.every((c) => c.outcome === 'ok')).toBe(true)
  const without = await run(
    'aksk',
    { credentials: { type: 'aksk', ak: temp.ak, sk: temp.sk } },
    sim,
  ).check()
  expect(without[0]).toMatchObject({ service: 'iam', outcome: 'unauthenticated', status: 401 })
  expect(without.slice(1).every((c) => c.outcome === 'skipped')).toBe(true)
})

test('no CodeArts project id: CodeArts is not configured, not failed; an unreachable endpoint is unreachable', async () => {
  const sim = createCloudSim({ clock: 'manual' })
  // ModelArts' host refuses connections; the rest is the simulator.
  const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })
  const { client } = run(
    'aksk',
    {
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      fetch: (input, init) =>
        input.includes('/modelarts/') ? Promise.reject(refused) : sim.fetch(input, init),
    },
    sim,
  )
  const checks = await checkConnection(client)
  expect(checks.find((c) => c.service === 'codearts')).toMatchObject({
    outcome: 'not-configured',
    reachable: null,
    message: 'no CodeArts project id configured',
  })
  expect(checks.find((c) => c.service === 'modelarts')).toMatchObject({
    outcome: 'unreachable',
    reachable: false,
    authenticated: null,
    message: 'Network error: ECONNREFUSED',
  })
  expect(checks.find((c) => c.service === 'dli')?.outcome).toBe('ok')
})

test('the report carries no secret: no SK, password, token or signature', async () => {
  const sim = createCloudSim({ clock: 'manual' })
  const aksk = JSON.stringify(await run('aksk', {}, sim).check())
  const password = JSON.stringify(await run('password', {}, sim).check())
  for (const text of [aksk, password]) {
    expect(text).not.toContain(sim.defaults.aksk.sk)
    expect(text).not.toContain(sim.defaults.user.password)
    expect(text).not.toMatch(/MIIS|Signature=|SDK-HMAC/)
  }
})

test('a target in a sub-project (two projects in its region) checks ok: signed calls carry X-Project-Id', async () => {
  const sim = createCloudSim({ clock: 'manual', subprojects: ['cn-north-4'] })
  const sub = sim.defaults.projects.find((p) => p.name === 'cn-north-4_sub1')!
  const { client } = run('aksk', { projectId: sub.id }, sim)
  const checks = await checkConnection(client)
  expect(checks.filter((c) => c.service !== 'codearts').every((c) => c.outcome === 'ok')).toBe(true)
  const dataarts = sim.control.requests().filter((r) => r.service === 'dataarts')
  expect(dataarts.map((r) => [r.path.split('/')[2], r.status])).toEqual([[sub.id, 200]])
})
