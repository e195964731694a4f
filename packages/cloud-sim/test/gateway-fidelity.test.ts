import { expect, test } from 'vitest'
import { LOCK_MS } from '../src/auth/aksk-gate.js'
import { BASE, manualSim, projectOf, signedHeaders, tokenFor } from './helpers.js'
import type { CloudSim } from '../src/index.js'

const dliList = (projectId: string) => `${BASE}/dli/v1.0/${projectId}/streaming/jobs?limit=1`

async function signedGet(
  sim: CloudSim,
  url: string,
  pair: { ak: string; sk: string },
  extra: Record<string, string> = {},
) {
  const res = await sim.fetch(url, {
    headers: signedHeaders('GET', url, pair.ak, pair.sk, '', new Date(), extra),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

test('5 consecutive bad signatures lock the AK for 5 minutes, even for correct ones; then it works again', async () => {
  const sim = manualSim()
  const { aksk } = sim.defaults
  const url = dliList(projectOf(sim).id)
  const project = { 'x-project-id': projectOf(sim).id }
  for (let i = 1; i <= 5; i++) {
    const bad = await signedGet(sim, url, { ak: aksk.ak, sk: 'wrong' }, project)
    expect(bad.body).toMatchObject({
      error_code: 'APIGW.0301',
      error_msg: expect.stringContaining('verify aksk signature fail') as string,
    })
  }
  const locked = await signedGet(sim, url, aksk, project)
  expect(locked.status).toBe(401)
  expect(locked.body.error_msg).toMatch(/locked after 5 signature failures, retry in 300 s/)
  sim.control.advance(LOCK_MS - 1000)
  expect((await signedGet(sim, url, aksk, project)).status).toBe(401)
  sim.control.advance(1000)
  expect((await signedGet(sim, url, aksk, project)).status).toBe(200)
})

test('a good signature resets the count: four failures, a success, four failures do not lock', async () => {
  const sim = manualSim()
  const { aksk } = sim.defaults
  const url = dliList(projectOf(sim).id)
  const fail = () => signedGet(sim, url, { ak: aksk.ak, sk: 'wrong' })
  for (let i = 0; i < 4; i++) await fail()
  expect((await signedGet(sim, url, aksk)).status).toBe(200)
  for (let i = 0; i < 4; i++) await fail()
  expect((await signedGet(sim, url, aksk)).status).toBe(200)
})

test('temporary AK/SK need their security token, signed and unexpired', async () => {
  const sim = manualSim()
  const temp = sim.defaults.temporaryAksk!
  const url = dliList(projectOf(sim).id)
  const token = { 'x-security-token': temp.securityToken }
  expect((await signedGet(sim, url, temp, token)).status).toBe(200)
  const missing = await signedGet(sim, url, temp)
  expect(missing).toMatchObject({
    status: 401,
    body: {
      error_code: 'APIGW.0301',
      error_msg: expect.stringContaining('security token not found') as string,
    },
  })
  const wrong = await signedGet(sim, url, temp, { 'x-security-token': 'forged' })
  expect(wrong.body.error_msg).toMatch(/security token is invalid/)
  // Sent but not signed: an intermediary could have swapped it.
  const headers = {
    ...signedHeaders('GET', url, temp.ak, temp.sk),
    'x-security-token': temp.securityToken,
  }
  const unsigned = await sim.fetch(url, { headers })
  expect(((await unsigned.json()) as { error_msg: string }).error_msg).toMatch(/not signed/)

  const expiring = manualSim({ akskPairs: [{ ...temp, expiresAt: sim.control.now() + 60_000 }] })
  expect((await signedGet(expiring, dliList(projectOf(expiring).id), temp, token)).status).toBe(200)
  expiring.control.advance(60_000)
  const expired = await signedGet(expiring, dliList(projectOf(expiring).id), temp, token)
  expect(expired).toMatchObject({
    status: 401,
    body: { error_msg: expect.stringContaining('security token expires') as string },
  })
})

test('X-Project-Id must name a project of the account and agree with the path', async () => {
  const sim = manualSim()
  const [a, b] = [projectOf(sim, 0), projectOf(sim, 1)]
  const { aksk } = sim.defaults
  expect((await signedGet(sim, dliList(a.id), aksk, { 'x-project-id': a.id })).status).toBe(200)
  const other = await signedGet(sim, dliList(a.id), aksk, { 'x-project-id': b.id })
  expect(other).toMatchObject({ status: 403, body: { error_code: 'DLI.0013' } })
  const unknown = await signedGet(sim, dliList(a.id), aksk, { 'x-project-id': '0'.repeat(32) })
  expect(unknown.status).toBe(403)
})

test('with two projects in a region, signed DataArts calls must carry X-Project-Id', async () => {
  const sim = manualSim({ subprojects: ['cn-north-4'] })
  const sub = sim.defaults.projects.find((p) => p.name === 'cn-north-4_sub1')!
  expect(sub.region).toBe('cn-north-4')
  const url = `${BASE}/dataarts/v1/${sub.id}/jobs?limit=1`
  const without = await signedGet(sim, url, sim.defaults.aksk)
  expect(without).toMatchObject({
    status: 400,
    body: {
      error_code: 'DLF.3051',
      error_msg: expect.stringContaining('X-Project-Id is required') as string,
    },
  })
  const withHeader = await signedGet(sim, url, sim.defaults.aksk, { 'x-project-id': sub.id })
  expect(withHeader.status).toBe(200)
  // The other region still has a single project: the header stays optional there.
  const single = `${BASE}/dataarts/v1/${projectOf(sim, 1).id}/jobs?limit=1`
  expect((await signedGet(sim, single, sim.defaults.aksk)).status).toBe(200)
  // The sub-project is an IAM project of its own: token scope by name, world of its own.
  const token = await tokenFor(sim, { region: 'cn-north-4_sub1' })
  const res = await sim.fetch(`${BASE}/dli/v1.0/${sub.id}/streaming/jobs?limit=1`, {
    headers: { 'x-auth-token': token },
  })
  expect(res.status).toBe(200)
})

test('a key or user denied a service gets 403 APIGW.0302 there and works elsewhere', async () => {
  const sim = manualSim({
    akskPairs: [{ ak: 'AKDENYDLI', sk: 'sk-deny', deny: ['dli'] }],
    users: [{ domain: 'acme', name: 'ops', password: 'pw', deny: ['modelarts'] }],
  })
  const p = projectOf(sim)
  const pair = { ak: 'AKDENYDLI', sk: 'sk-deny' }
  const dli = await signedGet(sim, dliList(p.id), pair)
  expect(dli).toMatchObject({ status: 403, body: { error_code: 'APIGW.0302' } })
  expect(
    (await signedGet(sim, `${BASE}/modelarts/v2/${p.id}/processor-tasks?limit=1`, pair)).status,
  ).toBe(200)
  const token = await tokenFor(sim, { region: p.region })
  const ma = await sim.fetch(`${BASE}/modelarts/v2/${p.id}/processor-tasks?limit=1`, {
    headers: { 'x-auth-token': token },
  })
  expect(ma.status).toBe(403)
})
