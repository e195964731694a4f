import { expect, test } from 'vitest'
import { BASE, getJson, manualSim, projectOf, tokenFor } from './helpers.js'

async function setup(): Promise<{ sim: ReturnType<typeof manualSim>; token: string; url: string }> {
  const sim = manualSim()
  const p = projectOf(sim)
  return {
    sim,
    token: await tokenFor(sim, { region: p.region }),
    url: `${BASE}/dli/v1.0/${p.id}/streaming/jobs`,
  }
}

test('status fault uses the service envelope and honours times', async () => {
  const { sim, token, url } = await setup()
  sim.control.injectFault({ service: 'dli', kind: 'status', status: 503, times: 1 })
  const first = await sim.fetch(url, { headers: { 'x-auth-token': token } })
  expect(first.status).toBe(503)
  expect(await first.json()).toMatchObject({ error_code: 'DLI.0999' })
  expect((await sim.fetch(url, { headers: { 'x-auth-token': token } })).status).toBe(200)
  sim.control.injectFault({ service: 'modelarts', kind: 'status' })
  const ma = await sim.fetch(`${BASE}/modelarts/v2/${projectOf(sim).id}/processor-tasks`, {
    headers: { 'x-auth-token': token },
  })
  expect(ma.status).toBe(503)
  expect(await ma.json()).toMatchObject({ error_code: 'ModelArts.4700' })
})

test('rate-limit: 429 with Retry-After; filters by method and path regex', async () => {
  const { sim, token, url } = await setup()
  sim.control.injectFault({
    kind: 'rate-limit',
    method: 'POST',
    path: 'streaming/jobs/(stop|run)$',
    retryAfter: '7',
  })
  expect((await sim.fetch(url, { headers: { 'x-auth-token': token } })).status).toBe(200)
  const limited = await sim.fetch(`${url}/stop`, {
    method: 'POST',
    body: '{"job_ids":[1]}',
    headers: { 'x-auth-token': token },
  })
  expect(limited.status).toBe(429)
  expect(limited.headers.get('retry-after')).toBe('7')
  expect(await limited.json()).toMatchObject({ error_code: 'APIGW.0308' })
  sim.control.clearFaults()
  expect(
    (
      await sim.fetch(`${url}/stop`, {
        method: 'POST',
        body: '{"job_ids":[1]}',
        headers: { 'x-auth-token': token },
      })
    ).status,
  ).toBe(400)
})

test('latency delays the answer; hang never answers until the caller aborts', async () => {
  const { sim, token, url } = await setup()
  sim.control.injectFault({ kind: 'latency', ms: 120, times: 1 })
  const t0 = performance.now()
  expect((await sim.fetch(url, { headers: { 'x-auth-token': token } })).status).toBe(200)
  expect(performance.now() - t0).toBeGreaterThanOrEqual(100)
  sim.control.injectFault({ kind: 'hang', times: 1 })
  const hung = sim.fetch(url, {
    headers: { 'x-auth-token': token },
    signal: AbortSignal.timeout(80),
  })
  await expect(hung).rejects.toMatchObject({ name: 'TimeoutError' })
  const log = sim.control.requests()
  expect(log.at(-1)).toMatchObject({ fault: 'hang', status: 499 })
})

test('reset rejects like undici (TypeError fetch failed, cause ECONNRESET)', async () => {
  const { sim, token, url } = await setup()
  sim.control.injectFault({ service: 'dli', kind: 'reset', times: 1 })
  const err: unknown = await sim
    .fetch(url, { headers: { 'x-auth-token': token } })
    .catch((e: unknown) => e)
  expect(err).toBeInstanceOf(TypeError)
  expect((err as TypeError).message).toBe('fetch failed')
  expect(((err as TypeError).cause as { code: string }).code).toBe('ECONNRESET')
  expect((await sim.fetch(url, { headers: { 'x-auth-token': token } })).status).toBe(200)
})

test('malformed-json, redirect and slow-body', async () => {
  const { sim, token, url } = await setup()
  sim.control.injectFault({ kind: 'malformed-json', times: 1 })
  const bad = await sim.fetch(url, { headers: { 'x-auth-token': token } })
  expect(bad.headers.get('content-type')).toContain('application/json')
  await expect(bad.json()).rejects.toBeInstanceOf(SyntaxError)
  sim.control.injectFault({ kind: 'redirect', location: 'https://elsewhere.example/x', times: 1 })
  const redirect = await sim.fetch(url, { headers: { 'x-auth-token': token } })
  expect(redirect.status).toBe(302)
  expect(redirect.headers.get('location')).toBe('https://elsewhere.example/x')
  sim.control.injectFault({ kind: 'slow-body', ms: 150, times: 1 })
  const t0 = performance.now()
  const slow = await sim.fetch(url, { headers: { 'x-auth-token': token } })
  expect(slow.status).toBe(200)
  const body = (await slow.json()) as { is_success: string }
  expect(body.is_success).toBe('true')
  expect(performance.now() - t0).toBeGreaterThanOrEqual(100)
})

test('faults and the log do not apply to /__sim; control API over HTTP', async () => {
  const { sim, token, url } = await setup()
  const inject = await sim.fetch(`${BASE}/__sim/faults`, {
    method: 'POST',
    body: JSON.stringify({ kind: 'status', status: 500 }),
  })
  expect(inject.status).toBe(201)
  expect(((await inject.json()) as { id: string }).id).toMatch(/^fault-/)
  expect((await sim.fetch(`${BASE}/__sim/clock`)).status).toBe(200)
  expect((await sim.fetch(url, { headers: { 'x-auth-token': token } })).status).toBe(500)
  expect((await sim.fetch(`${BASE}/__sim/faults`, { method: 'DELETE' })).status).toBe(204)
  expect((await sim.fetch(url, { headers: { 'x-auth-token': token } })).status).toBe(200)
  expect(
    (await sim.fetch(`${BASE}/__sim/faults`, { method: 'POST', body: '{"kind":"explode"}' }))
      .status,
  ).toBe(400)
  const before = (await (await sim.fetch(`${BASE}/__sim/clock`)).json()) as { now: number }
  await sim.fetch(`${BASE}/__sim/clock/advance`, { method: 'POST', body: '{"ms":5000}' })
  expect(sim.control.now()).toBe(before.now + 5000)
  const { requests } = (await (await sim.fetch(`${BASE}/__sim/requests`)).json()) as {
    requests: { path: string }[]
  }
  expect(requests.every((r) => !r.path.startsWith('/__sim'))).toBe(true)
  expect(requests.length).toBe(3)
  await sim.fetch(`${BASE}/__sim/requests`, { method: 'DELETE' })
  expect(sim.control.requests()).toHaveLength(0)
  const reset = await sim.fetch(`${BASE}/__sim/reset`, { method: 'POST', body: '{"seed":7}' })
  expect(reset.status).toBe(200)
  expect((await getJson(sim, new URL(url).pathname, token)).status).toBe(401)
})
