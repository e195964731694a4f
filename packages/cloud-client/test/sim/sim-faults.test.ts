import { expect, test } from 'vitest'
import { cloudError, requestsTo, simSetup } from './sim-harness.js'

test('429 with Retry-After: the read waits and retries, then succeeds', async () => {
  const { client, sim } = simSetup('aksk')
  sim.control.injectFault({
    service: 'dli',
    method: 'GET',
    kind: 'rate-limit',
    retryAfter: '1',
    times: 1,
  })
  const started = Date.now()
  const result = await client.dli.listJobs({ limit: 1 })
  expect(result.status).toBe(200)
  expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  expect(requestsTo(sim, 'dli', 'GET').map((r) => r.status)).toEqual([429, 200])
})

test('a Retry-After beyond the retry budget comes back as a retryable error with retryAfterMs', async () => {
  const { client, sim } = simSetup('aksk')
  sim.control.injectFault({ service: 'dli', kind: 'rate-limit', retryAfter: '60' })
  const error = await cloudError(client.dli.listJobs())
  expect(error).toMatchObject({
    status: 429,
    code: 'APIGW.0308',
    retryable: true,
    retryAfterMs: 60_000,
  })
  expect(requestsTo(sim, 'dli')).toHaveLength(1)
})

test('5xx: reads are retried, stops are not', async () => {
  const { client, sim } = simSetup('aksk')
  sim.control.injectFault({
    service: 'modelarts',
    method: 'GET',
    kind: 'status',
    status: 503,
    times: 2,
  })
  expect((await client.modelarts.listTasks()).status).toBe(200)
  expect(requestsTo(sim, 'modelarts', 'GET').map((r) => r.status)).toEqual([503, 503, 200])

  sim.control.injectFault({ service: 'dataarts', method: 'POST', kind: 'status', status: 500 })
  const error = await cloudError(client.dataarts.stopJob('any'))
  expect(error).toMatchObject({ status: 500, code: 'DLF.0999', retryable: true, kind: 'http' })
  expect(requestsTo(sim, 'dataarts', 'POST')).toHaveLength(1)
})

test('a redirect is reported, not followed', async () => {
  const { client, sim } = simSetup('password')
  sim.control.injectFault({
    service: 'dli',
    kind: 'redirect',
    status: 302,
    location: 'https://auth.example.invalid/login',
  })
  const error = await cloudError(client.dli.listJobs())
  expect(error).toMatchObject({ kind: 'redirect', status: 302, retryable: false })
  expect(sim.control.requests().filter((r) => r.path.includes('login'))).toHaveLength(0)
})

test('malformed JSON is a parse error', async () => {
  const { client, sim } = simSetup('aksk')
  sim.control.injectFault({ service: 'dli', kind: 'malformed-json' })
  const error = await cloudError(client.dli.listJobs())
  expect(error).toMatchObject({ kind: 'parse', status: 200, service: 'dli', operation: 'listJobs' })
  expect(error.requestId).toMatch(/\S/)
})

test('a hanging upstream times out (stop: once; read: per attempt)', async () => {
  const { client, sim } = simSetup('aksk', {
    timeoutMs: 100,
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 10 },
  })
  sim.control.injectFault({ service: 'dli', kind: 'hang' })
  const stop = await cloudError(client.dli.stopJobs(['1']))
  expect(stop).toMatchObject({ kind: 'timeout', status: null, retryable: true })
  const read = await cloudError(client.dli.listJobs())
  expect(read.kind).toBe('timeout')
  // Let the sim log the abandoned requests (it records them when the abort reaches the handler).
  await new Promise((resolve) => setTimeout(resolve, 20))
  expect(requestsTo(sim, 'dli', 'POST')).toHaveLength(1)
  expect(requestsTo(sim, 'dli', 'GET')).toHaveLength(2)
})

test('a slow body beyond the timeout is a timeout too', async () => {
  const { client, sim } = simSetup('aksk', {
    timeoutMs: 150,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  })
  sim.control.injectFault({ service: 'modelarts', kind: 'slow-body', ms: 2000 })
  expect((await cloudError(client.modelarts.listTasks())).kind).toBe('timeout')
})

test('a connection reset is a network error, retried for reads only', async () => {
  const { client, sim } = simSetup('aksk')
  sim.control.injectFault({ service: 'dli', method: 'GET', kind: 'reset', times: 1 })
  expect((await client.dli.listJobs()).status).toBe(200)
  sim.control.injectFault({ service: 'dli', method: 'POST', kind: 'reset', times: 1 })
  const error = await cloudError(client.dli.stopJobs(['1']))
  expect(error).toMatchObject({ kind: 'network', retryable: true })
})
