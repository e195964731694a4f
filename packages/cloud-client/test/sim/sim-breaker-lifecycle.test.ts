import { expect, test } from 'vitest'
import { cloudError, requestsTo, simSetup } from './sim-harness.js'
import { COOL_DOWN, othersAnswer, resilientSetup, healthOf } from './resilient-setup.js'

test('a dead DLI (503) opens after 3 failures: calls fail fast without reaching the sim, the other services still answer', async () => {
  const s = resilientSetup()
  s.sim.control.injectFault({ service: 'dli', kind: 'status', status: 503 })
  for (let i = 0; i < 3; i++)
    expect(await cloudError(s.client.dli.listJobs())).toMatchObject({ kind: 'http', status: 503 })
  expect(requestsTo(s.sim, 'dli')).toHaveLength(3)

  s.clock.t = 10_000
  const refused = await cloudError(s.client.dli.listJobs())
  expect(refused).toMatchObject({
    kind: 'circuit-open',
    service: 'dli',
    operation: 'listJobs',
    retryable: true,
    retryAfterMs: COOL_DOWN - 10_000,
    status: null,
  })
  expect(await cloudError(s.client.dli.getJob('1'))).toMatchObject({ kind: 'circuit-open' })
  expect(requestsTo(s.sim, 'dli')).toHaveLength(3)

  expect(await othersAnswer(s)).toEqual([200, 200, 200, 200])
  const dli = healthOf(s, 'dli')
  expect(dli).toEqual({
    service: 'dli',
    base: 'http://127.0.0.1:4010/dli',
    state: 'open',
    failures: 3,
    openedAt: 0,
    inFlight: 0,
    queued: 0,
  })
  expect(
    s.resilience
      .snapshot()
      .filter((e) => e.state !== 'closed')
      .map((e) => e.service),
  ).toEqual(['dli'])
})

test('after the cool-down exactly one probe reaches the sim; with the fault gone it closes and calls flow again', async () => {
  const s = resilientSetup()
  s.sim.control.injectFault({ service: 'dli', kind: 'reset' })
  for (let i = 0; i < 3; i++)
    expect((await cloudError(s.client.dli.listJobs())).kind).toBe('network')
  s.sim.control.clearFaults()
  s.clock.t = COOL_DOWN
  expect(healthOf(s, 'dli')?.state).toBe('half-open')

  const concurrent = await Promise.allSettled([
    s.client.dli.listJobs(),
    s.client.dli.listJobs(),
    s.client.dli.listJobs(),
  ])
  expect(concurrent.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected'])
  expect(
    concurrent
      .slice(1)
      .map((r) => (r.status === 'rejected' ? (r.reason as { kind: string }).kind : null)),
  ).toEqual(['circuit-open', 'circuit-open'])
  expect(requestsTo(s.sim, 'dli')).toHaveLength(4)

  expect(healthOf(s, 'dli')).toMatchObject({
    state: 'closed',
    failures: 0,
    openedAt: null,
  })
  expect((await s.client.dli.listJobs()).status).toBe(200)
  expect(requestsTo(s.sim, 'dli')).toHaveLength(5)
})

test('a failing probe re-opens the breaker for another full cool-down', async () => {
  const s = resilientSetup()
  s.sim.control.injectFault({ service: 'dli', kind: 'status', status: 502 })
  for (let i = 0; i < 3; i++) await cloudError(s.client.dli.listJobs())
  s.clock.t = COOL_DOWN + 5
  expect(await cloudError(s.client.dli.listJobs())).toMatchObject({ kind: 'http', status: 502 })
  expect(requestsTo(s.sim, 'dli')).toHaveLength(4)
  expect(await cloudError(s.client.dli.listJobs())).toMatchObject({
    kind: 'circuit-open',
    retryAfterMs: COOL_DOWN,
  })
  expect(healthOf(s, 'dli')).toMatchObject({
    state: 'open',
    openedAt: COOL_DOWN + 5,
  })
  expect(requestsTo(s.sim, 'dli')).toHaveLength(4)
})

test('clients sharing a registry share the breaker of a (service, base); another base is unaffected', async () => {
  const s = resilientSetup()
  const twin = simSetup(
    'aksk',
    { resilience: s.resilience, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
    s.sim,
  )
  const otherHost = simSetup(
    'aksk',
    { resilience: s.resilience, endpoints: { dli: 'http://localhost:4010/dli' } },
    s.sim,
  )
  s.sim.control.injectFault({ service: 'dli', kind: 'status', status: 503, times: 3 })
  for (let i = 0; i < 3; i++) await cloudError(s.client.dli.listJobs())
  expect((await cloudError(twin.client.dli.listJobs())).kind).toBe('circuit-open')
  expect((await otherHost.client.dli.listJobs()).status).toBe(200)
  expect(
    s.resilience
      .snapshot()
      .filter((e) => e.service === 'dli')
      .map((e) => [e.base, e.state]),
  ).toEqual([
    ['http://127.0.0.1:4010/dli', 'open'],
    ['http://localhost:4010/dli', 'closed'],
  ])
})
