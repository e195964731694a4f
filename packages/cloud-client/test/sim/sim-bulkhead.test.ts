import { expect, test, vi } from 'vitest'
import { wasNeverSent } from '../../src/errors.js'
import { cloudError, requestsTo } from './sim-harness.js'
import { othersAnswer, resilientSetup, healthOf } from './resilient-setup.js'

test('a hanging DLI fills its bulkhead: further DLI calls fail fast, the other services answer', async () => {
  const s = resilientSetup({ bulkhead: { maxConcurrent: 2, maxQueue: 1, maxWaitMs: 50 } })
  s.sim.control.injectFault({ service: 'dli', kind: 'hang' })
  const abort = new AbortController()
  const hanging = [
    s.client.dli.listJobs({}, { signal: abort.signal }),
    s.client.dli.stopJobs(['1'], {}, { signal: abort.signal }),
  ].map((p) => cloudError(p))
  const queued = cloudError(s.client.dli.getJob('1'))
  const refused = await cloudError(s.client.dli.getJob('2'))
  expect(refused).toMatchObject({ kind: 'bulkhead-full', service: 'dli', retryable: true })
  expect(wasNeverSent(refused)).toBe(true)
  expect((await queued).kind).toBe('bulkhead-full')
  expect(healthOf(s, 'dli')).toMatchObject({
    inFlight: 2,
    queued: 0,
  })
  await vi.waitFor(() => expect(requestsTo(s.sim, 'dli')).toHaveLength(2))

  expect(await othersAnswer(s)).toEqual([200, 200, 200, 200])

  abort.abort()
  expect((await Promise.all(hanging)).map((e) => e.kind)).toEqual(['network', 'network'])
  // Abandoned calls free their slots and say nothing about the service's health.
  expect(healthOf(s, 'dli')).toMatchObject({
    inFlight: 0,
    state: 'closed',
    failures: 0,
  })
})

test('a queued call gets the slot as soon as the hanging one ends, and then reaches the service', async () => {
  const s = resilientSetup({ bulkhead: { maxConcurrent: 1, maxQueue: 1, maxWaitMs: 1_000 } })
  s.sim.control.injectFault({ service: 'dli', kind: 'hang', times: 1 })
  const abort = new AbortController()
  const hanging = cloudError(s.client.dli.listJobs({}, { signal: abort.signal }))
  const queued = s.client.dli.listJobs({ limit: 1 })
  expect(healthOf(s, 'dli')).toMatchObject({ inFlight: 1, queued: 1 })
  await vi.waitFor(() => expect(requestsTo(s.sim, 'dli')).toHaveLength(1))
  abort.abort()
  expect((await hanging).kind).toBe('network')
  expect((await queued).status).toBe(200)
  expect(requestsTo(s.sim, 'dli').map((r) => r.fault)).toEqual(['hang', null])
})

test('hanging calls that time out count as failures: the breaker opens and DLI fails fast', async () => {
  const s = resilientSetup({ bulkhead: { maxConcurrent: 3, maxQueue: 0 } }, 1, { timeoutMs: 30 })
  s.sim.control.injectFault({ service: 'dli', kind: 'hang' })
  const timeouts = await Promise.all(
    [1, 2, 3].map((i) => cloudError(s.client.dli.getJob(String(i)))),
  )
  expect(timeouts.map((e) => e.kind)).toEqual(['timeout', 'timeout', 'timeout'])
  expect(healthOf(s, 'dli')).toMatchObject({ state: 'open', failures: 3, inFlight: 0 })
  expect((await cloudError(s.client.dli.getJob('4'))).kind).toBe('circuit-open')
  expect(await othersAnswer(s)).toEqual([200, 200, 200, 200])
})

test('a caller deadline on a hanging service counts against it; a plain caller abort does not', async () => {
  const s = resilientSetup({ breaker: { failureThreshold: 2 } })
  s.sim.control.injectFault({ service: 'dli', kind: 'hang' })
  const plain = new AbortController()
  const abandoned = cloudError(s.client.dli.listJobs({}, { signal: plain.signal }))
  await vi.waitFor(() => expect(requestsTo(s.sim, 'dli')).toHaveLength(1))
  plain.abort()
  expect((await abandoned).kind).toBe('network')
  expect(healthOf(s, 'dli')).toMatchObject({ state: 'closed', failures: 0 })

  for (const id of ['1', '2']) {
    const late = await cloudError(s.client.dli.getJob(id, { signal: AbortSignal.timeout(20) }))
    expect(late).toMatchObject({ kind: 'timeout', retryable: true })
  }
  expect(healthOf(s, 'dli')).toMatchObject({ state: 'open', failures: 2 })
})
