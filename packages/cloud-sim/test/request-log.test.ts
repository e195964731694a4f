import { expect, test } from 'vitest'
import { BASE, manualSim, projectOf, signedHeaders, tokenFor } from './helpers.js'

test('the request log records requests but never credentials', async () => {
  const sim = manualSim()
  const p = projectOf(sim)
  const token = await tokenFor(sim, { region: p.region })
  await sim.fetch(`${BASE}/iam/v3/auth/tokens`, {
    headers: { 'x-auth-token': token, 'x-subject-token': token },
  })
  const url = `${BASE}/dli/v1.0/${p.id}/streaming/jobs/stop?sk=${sim.defaults.aksk.sk}`
  // A long id: the excerpt must keep it exact (a JSON.parse round trip would print ...992).
  const body = '{"job_ids":[9007199254740993]}'
  await sim.fetch(url, {
    method: 'POST',
    body,
    headers: signedHeaders('POST', url, sim.defaults.aksk.ak, sim.defaults.aksk.sk, body),
  })
  await sim.fetch(`${BASE}/nowhere`, { headers: { authorization: 'Bearer super-secret' } })
  const log = sim.control.requests()
  expect(log.map((r) => [r.service, r.method, r.status])).toEqual([
    ['iam', 'POST', 201],
    ['iam', 'GET', 200],
    ['dli', 'POST', 200],
    [null, 'GET', 404],
  ])
  expect(log[0]?.bodyExcerpt).toContain('"password":"***"')
  expect(log[2]).toMatchObject({
    path: '/v1.0/' + p.id + '/streaming/jobs/stop',
    bodyExcerpt: body,
    query: { sk: '***' },
  })
  const dump = JSON.stringify(log)
  for (const secret of [token, sim.defaults.user.password, sim.defaults.aksk.sk, 'super-secret'])
    expect(dump).not.toContain(secret)
})

test('every response carries X-Request-Id; unknown routes answer like the gateway', async () => {
  const sim = manualSim()
  const res = await sim.fetch(`${BASE}/dli/v2/unknown`)
  expect(res.status).toBe(404)
  const id = res.headers.get('x-request-id')
  expect(id).toMatch(/^[0-9a-f]{32}$/)
  expect(await res.json()).toEqual({
    error_msg: 'The API does not exist or has not been published in the environment',
    error_code: 'APIGW.0101',
    request_id: id,
  })
  expect((await sim.fetch(`${BASE}/__sim/world`)).headers.get('x-request-id')).toMatch(
    /^[0-9a-f]{32}$/,
  )
})
