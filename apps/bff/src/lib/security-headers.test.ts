import { expect, onTestFinished, test } from 'vitest'
import { createTestApp } from '../testing/test-app.js'

/** Like @hono/node-server: the router sees the parsed URL, the path guard also the raw target. */
const raw = (t: Awaited<ReturnType<typeof createTestApp>>, path: string, init: RequestInit = {}) =>
  t.app.request(path, init, { incoming: { url: path, socket: {} } })

test('every JSON answer says charset=utf-8 and no /api answer may be cached, refusals included', async () => {
  const t = await createTestApp()
  onTestFinished(() => t.close())
  const viewer = await t.as('viewer')
  const answers = {
    me: await viewer.get('/api/auth/me'),
    unauthenticated: await t.app.request('/api/targets'),
    notFound: await viewer.get('/api/nothing-here'),
    // Parsed, this is `/x`: only the raw request target shows it was an /api path.
    dotSegments: await raw(t, '/api/%2e%2e/x'),
    encodedSlash: await raw(t, '/api/workloads%2fx'),
    matrix: await raw(t, '/api;x=1/targets'),
    upperCase: await raw(t, '/API/targets'),
    validation: await viewer.get('/api/workloads?limit=0'),
    livez: await t.app.request('/livez'),
  }
  for (const [name, res] of Object.entries(answers)) {
    expect(res.headers.get('content-type'), name).toBe('application/json; charset=utf-8')
    expect(res.headers.get('cache-control'), name).toBe('no-store')
    expect(res.headers.get('x-content-type-options'), name).toBe('nosniff')
  }
  expect(answers.dotSegments.status).toBe(400)
  expect(answers.matrix.status).toBe(404)
})

test('logout clears what the browser kept of the session: cache and storage, and the cookie', async () => {
  const t = await createTestApp()
  onTestFinished(() => t.close())
  const b = await t.as('viewer')
  const res = await b.post('/api/auth/logout')
  expect(res.status).toBe(200)
  expect(res.headers.get('clear-site-data')).toBe('"cache", "storage"')
  expect(res.headers.getSetCookie().join('\n')).toMatch(/__Host-ops_session=;.*Max-Age=0/i)
  expect(await (await b.get('/api/auth/me')).json()).toMatchObject({ user: null })
})
