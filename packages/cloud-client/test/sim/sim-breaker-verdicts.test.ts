import { expect, test } from 'vitest'
import { wasNeverSent } from '../../src/errors.js'
import { createResilienceRegistry } from '../../src/resilience/resilience-registry.js'
import { cloudError, requestsTo, simSetup } from './sim-harness.js'
import { resilientSetup } from './resilient-setup.js'

test('a read stops retrying once the breaker opens and reports the upstream error, not circuit-open', async () => {
  const s = resilientSetup({ breaker: { failureThreshold: 2 } }, 3)
  s.sim.control.injectFault({ service: 'modelarts', kind: 'rate-limit', retryAfter: '0' })
  expect(await cloudError(s.client.modelarts.listTasks())).toMatchObject({
    kind: 'http',
    status: 429,
  })
  expect(requestsTo(s.sim, 'modelarts')).toHaveLength(2)
  expect((await cloudError(s.client.modelarts.listTasks())).kind).toBe('circuit-open')
})

test('an open breaker refuses a stop before sending it: circuit-open, never sent', async () => {
  const s = resilientSetup()
  s.sim.control.injectFault({ service: 'dli', method: 'GET', kind: 'status', status: 504 })
  for (let i = 0; i < 3; i++) await cloudError(s.client.dli.listJobs())
  const stop = await cloudError(s.client.dli.stopJobs(['9007199254740993']))
  expect(stop).toMatchObject({ kind: 'circuit-open', operation: 'stopJobs' })
  expect(wasNeverSent(stop)).toBe(true)
  expect(requestsTo(s.sim, 'dli', 'POST')).toHaveLength(0)
})

test('4xx business errors never open the breaker', async () => {
  const s = resilientSetup()
  const running = (await s.client.dli.listJobs({ status: 'job_running', limit: 1 })).data.job_list
    .jobs[0]!
  await s.client.dli.stopJobs([running.job_id])
  s.sim.control.advance(60_000)
  for (let i = 0; i < 5; i++) {
    expect(await cloudError(s.client.dli.stopJobs([running.job_id]))).toMatchObject({
      status: 400,
      code: 'DLI.15002',
    })
    expect(await cloudError(s.client.dli.getJob('1'))).toMatchObject({
      status: 400,
      code: 'DLI.16001',
    })
    expect(await cloudError(s.client.dataarts.stopJob('no-such-job'))).toMatchObject({
      status: 400,
      code: 'DLF.0100',
    })
  }
  expect(s.resilience.snapshot().every((e) => e.state === 'closed' && e.failures === 0)).toBe(true)
  expect((await s.client.dli.listJobs()).status).toBe(200)
})

test('a 401 answered by a token refresh does not count against the service', async () => {
  const resilience = createResilienceRegistry({ breaker: { failureThreshold: 1 } })
  const { sim, client } = simSetup('password', { resilience })
  const job = (await client.dli.listJobs({ status: 'job_running', limit: 1 })).data.job_list
    .jobs[0]!
  sim.control.advance(25 * 3_600_000)
  expect((await client.dli.stopJobs([job.job_id])).data[0]?.ok).toBe(true)
  expect(requestsTo(sim, 'dli', 'POST').map((r) => r.status)).toEqual([401, 200])
  expect(resilience.snapshot().every((e) => e.state === 'closed' && e.failures === 0)).toBe(true)
})
