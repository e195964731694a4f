import { expect, test } from 'vitest'
import { BASE, getJson, manualSim, projectOf, signedHeaders, tokenFor } from './helpers.js'

test('password token: 201, X-Subject-Token header, project scope and 24h expiry', async () => {
  const sim = manualSim()
  const p = projectOf(sim)
  const { user } = sim.defaults
  const res = await sim.fetch(`${BASE}/iam/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json;charset=utf8' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: {
            user: { name: user.name, password: user.password, domain: { name: user.domain } },
          },
        },
        scope: { project: { id: p.id } },
      },
    }),
  })
  expect(res.status).toBe(201)
  expect(res.headers.get('x-subject-token')).toMatch(/^MII/)
  const body = (await res.json()) as {
    token: {
      project: { id: string; name: string }
      expires_at: string
      issued_at: string
      catalog?: unknown[]
    }
  }
  expect(body.token.project).toMatchObject({ id: p.id, name: p.region })
  expect(Date.parse(body.token.expires_at) - Date.parse(body.token.issued_at)).toBe(24 * 3600_000)
  expect(body.token.issued_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
  expect(Array.isArray(body.token.catalog)).toBe(true)
  expect(JSON.stringify(body)).not.toContain(user.password)
})

test('good token lists DLI jobs; unknown token is 401 APIGW.0301', async () => {
  const sim = manualSim()
  const p = projectOf(sim)
  const token = await tokenFor(sim, { region: p.region })
  expect((await getJson(sim, `/dli/v1.0/${p.id}/streaming/jobs`, token)).status).toBe(200)
  const bad = await getJson(sim, `/dli/v1.0/${p.id}/streaming/jobs`, 'MIIbogus')
  expect(bad.status).toBe(401)
  expect(bad.body).toMatchObject({
    error_code: 'APIGW.0301',
    error_msg: 'Incorrect IAM authentication information: decrypt token fail',
  })
  expect((bad.body as { request_id: string }).request_id).toBe(bad.res.headers.get('x-request-id'))
})

test('token expires after 24h of sim time', async () => {
  const sim = manualSim()
  const p = projectOf(sim)
  const token = await tokenFor(sim, { region: p.region })
  sim.control.advance(24 * 3600_000 - 1)
  expect((await getJson(sim, `/dli/v1.0/${p.id}/streaming/jobs`, token)).status).toBe(200)
  sim.control.advance(1)
  const expired = await getJson(sim, `/dli/v1.0/${p.id}/streaming/jobs`, token)
  expect(expired.status).toBe(401)
  expect((expired.body as { error_msg: string }).error_msg).toMatch(
    /^Incorrect IAM authentication information: token expires, expires_at: /,
  )
})

test('missing credentials and wrong password', async () => {
  const sim = manualSim()
  const p = projectOf(sim)
  const res = await sim.fetch(`${BASE}/modelarts/v2/${p.id}/processor-tasks`)
  expect(res.status).toBe(401)
  expect(await res.json()).toMatchObject({
    error_msg: 'Incorrect IAM authentication information: x-auth-token not found',
  })
  const { user } = sim.defaults
  const wrong = await sim.fetch(`${BASE}/iam/v3/auth/tokens`, {
    method: 'POST',
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: user.name, password: 'nope', domain: { name: user.domain } } },
        },
      },
    }),
  })
  expect(wrong.status).toBe(401)
  expect(await wrong.json()).toEqual({
    error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' },
  })
  const invalid = await sim.fetch(`${BASE}/iam/v3/auth/tokens`, {
    method: 'POST',
    body: '{"auth":',
  })
  expect(invalid.status).toBe(400)
})

test('project-scoped token cannot touch another project; CodeArts rejects domain tokens', async () => {
  const sim = manualSim()
  const [a, b] = [projectOf(sim, 0), projectOf(sim, 1)]
  const token = await tokenFor(sim, { region: a.region })
  const dli = await getJson(sim, `/dli/v1.0/${b.id}/streaming/jobs`, token)
  expect(dli.status).toBe(403)
  expect(dli.body).toMatchObject({ error_code: 'DLI.0013' })
  expect((await getJson(sim, `/dataarts/v1/${b.id}/jobs`, token)).body).toMatchObject({
    error_code: 'DLF.6888',
  })
  const other = sim.defaults.codeartsProjectIds[b.region]?.[0] ?? ''
  expect((await getJson(sim, `/codearts/v3/${other}/jobs?page_size=5`, token)).status).toBe(403)
  const domain = await tokenFor(sim, 'domain')
  const own = sim.defaults.codeartsProjectIds[a.region]?.[0] ?? ''
  const cb = await getJson(sim, `/codearts/v3/${own}/jobs?page_size=5`, domain)
  expect(cb.status).toBe(403)
  expect((cb.body as { error_msg: string }).error_msg).toContain(
    'Global tenant tokens are not supported',
  )
  expect((await getJson(sim, `/modelarts/v2/${a.id}/processor-tasks`, domain)).body).toMatchObject({
    error_code: 'ModelArts.0204',
  })
})

test('AK/SK: good signature accepted, bad signature and 16-minute skew refused', async () => {
  const sim = manualSim()
  const p = projectOf(sim)
  const { ak, sk } = sim.defaults.aksk
  const url = `${BASE}/dli/v1.0/${p.id}/streaming/jobs?limit=5&name=sql&offset=0`
  const ok = await sim.fetch(url, { headers: signedHeaders('GET', url, ak, sk) })
  expect(ok.status).toBe(200)
  const body = '{"job_ids":[100000]}'
  const post = `${BASE}/dli/v1.0/${p.id}/streaming/jobs/delete`
  expect(
    (
      await sim.fetch(post, {
        method: 'POST',
        body,
        headers: signedHeaders('POST', post, ak, sk, body),
      })
    ).status,
  ).toBe(200)
  const tampered = await sim.fetch(post, {
    method: 'POST',
    body: '{"job_ids":[100007]}',
    headers: signedHeaders('POST', post, ak, sk, body),
  })
  expect(tampered.status).toBe(401)
  expect(await tampered.json()).toMatchObject({
    error_code: 'APIGW.0301',
    error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
  })
  const wrongKey = await sim.fetch(url, { headers: signedHeaders('GET', url, ak, `${sk}x`) })
  expect(wrongKey.status).toBe(401)
  const skewed = await sim.fetch(url, {
    headers: signedHeaders('GET', url, ak, sk, '', new Date(Date.now() - 16 * 60_000)),
  })
  expect(skewed.status).toBe(401)
  const nearly = await sim.fetch(url, {
    headers: signedHeaders('GET', url, ak, sk, '', new Date(Date.now() - 14 * 60_000)),
  })
  expect(nearly.status).toBe(200)
})

test('AK/SK canonical URI encodes path segments (percent-decoded then re-encoded)', async () => {
  const sim = manualSim()
  const p = projectOf(sim)
  const { ak, sk } = sim.defaults.aksk
  const url = `${BASE}/dataarts/v1/${p.id}/jobs/no%20such%20job`
  const res = await sim.fetch(url, { headers: signedHeaders('GET', url, ak, sk) })
  expect(res.status).toBe(400)
  expect(await res.json()).toEqual({
    error_code: 'DLF.0100',
    error_msg: 'The job does not exists.',
  })
})

test('IAM validate token and project lookup', async () => {
  const sim = manualSim()
  const p = projectOf(sim, 1)
  const token = await tokenFor(sim, { region: p.region })
  const ok = await getJson(sim, '/iam/v3/auth/tokens', token, {
    headers: { 'x-subject-token': token },
  })
  expect(ok.status).toBe(200)
  expect(ok.res.headers.get('x-subject-token')).toBe(token)
  const missing = await getJson(sim, '/iam/v3/auth/tokens', token, {
    headers: { 'x-subject-token': 'MIInope' },
  })
  expect(missing.status).toBe(404)
  expect(missing.body).toEqual({
    error: { code: 404, message: 'X-Subject-Token is invalid in the request', title: 'Not Found' },
  })
  const projects = await getJson(sim, `/iam/v3/projects?name=${p.region}`, token)
  expect((projects.body as { projects: { id: string }[] }).projects.map((x) => x.id)).toEqual([
    p.id,
  ])
  const all = await getJson(sim, '/iam/v3/auth/projects', token)
  expect((all.body as { projects: unknown[] }).projects).toHaveLength(2)
})
