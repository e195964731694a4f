import { expect, onTestFinished, test } from 'vitest'
import { createTestApp, PASSWORD } from '../testing/test-app.js'
import { parseSetCookies } from '../testing/test-http.js'
import { hashSessionId } from '../auth/sessions.js'

test('login sets a __Host- session cookie that is HttpOnly, Secure, SameSite=Strict, Path=/ and stores only its hash', async () => {
  const t = await createTestApp()
  const res = await t
    .browser()
    .post('/api/auth/login', { username: 'operator', password: PASSWORD })
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({
    user: { username: 'operator', displayName: 'operator', role: 'operator', authMethod: 'local' },
    demoMode: true,
    oidc: false,
    mustChangePassword: false,
  })
  const [cookie] = parseSetCookies(res)
  expect(cookie?.name).toBe('__Host-ops_session')
  expect(cookie?.attributes).toEqual(
    expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']),
  )
  expect(cookie?.attributes.some((a) => a.startsWith('Domain'))).toBe(false)
  const rows = await t.deps.db.selectFrom('sessions').select('id_hash').execute()
  expect(rows).toEqual([{ id_hash: hashSessionId(cookie!.value) }])
  expect(rows[0]?.id_hash).not.toBe(cookie?.value)
  await t.close()
})

test('a new login rotates the session id and ends the previous session', async () => {
  const t = await createTestApp()
  const b = await t.as('viewer')
  const first = b.jar.get('__Host-ops_session')
  await b.login('viewer', PASSWORD)
  const second = b.jar.get('__Host-ops_session')
  expect(second).toBeDefined()
  expect(second).not.toBe(first)
  const stale = await t.app.request('/api/audit', {
    headers: { cookie: `__Host-ops_session=${first}` },
  })
  expect(stale.status).toBe(401)
  expect((await b.get('/api/audit')).status).toBe(200)
  await t.close()
})

test('wrong passwords and unknown users get the same 401 INVALID_CREDENTIALS', async () => {
  const t = await createTestApp()
  const wrong = await t.browser().post('/api/auth/login', { username: 'viewer', password: 'nope' })
  const unknown = await t.browser().post('/api/auth/login', { username: 'ghost', password: 'nope' })
  for (const res of [wrong, unknown]) {
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({
      error: { code: 'INVALID_CREDENTIALS', message: 'wrong username or password' },
    })
    expect(parseSetCookies(res)).toEqual([])
  }
  await t.close()
})

test('disabled accounts cannot sign in and lose their open sessions', async () => {
  const t = await createTestApp()
  const b = await t.as('operator')
  await t.deps.users.setDisabled('operator', true)
  expect((await b.get('/api/audit')).status).toBe(401)
  expect(
    (await t.browser().post('/api/auth/login', { username: 'operator', password: PASSWORD }))
      .status,
  ).toBe(401)
  await t.close()
})

test('sessions end after the idle timeout and after the absolute timeout even when active', async () => {
  const t = await createTestApp({
    env: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '2' },
  })
  const idle = await t.as('viewer')
  t.clock.advance(29 * 60_000)
  expect((await idle.get('/api/audit')).status).toBe(200)
  t.clock.advance(29 * 60_000) // active 29 min ago: still inside the idle window
  expect((await idle.get('/api/audit')).status).toBe(200)
  t.clock.advance(31 * 60_000)
  expect((await idle.get('/api/audit')).status).toBe(401)

  const busy = await t.as('viewer')
  for (let i = 0; i < 4; i++) {
    t.clock.advance(25 * 60_000)
    expect((await busy.get('/api/audit')).status).toBe(200)
  }
  t.clock.advance(25 * 60_000) // 125 min after login > 2 h absolute
  const res = await busy.get('/api/audit')
  expect(res.status).toBe(401)
  expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
  await t.close()
})

test('logout deletes the server-side session and clears the cookie', async () => {
  const t = await createTestApp()
  const b = await t.as('admin')
  const sid = b.jar.get('__Host-ops_session')!
  const res = await b.post('/api/auth/logout')
  expect(res.status).toBe(200)
  const cleared = parseSetCookies(res).find((c) => c.name === '__Host-ops_session')
  expect(cleared?.attributes).toContain('Max-Age=0')
  expect(await t.deps.db.selectFrom('sessions').selectAll().execute()).toEqual([])
  const replay = await t.app.request('/api/audit', {
    headers: { cookie: `__Host-ops_session=${sid}` },
  })
  expect(replay.status).toBe(401)
  expect(await (await b.get('/api/auth/me')).json()).toMatchObject({ user: null })
  await t.close()
})

test('failed logins of one account from one source slow it down with 429 and retryAfterSeconds', async () => {
  const t = await createTestApp()
  onTestFinished(() => t.close())
  for (let i = 0; i < 4; i++) {
    expect(
      (await t.browser().post('/api/auth/login', { username: 'admin', password: `bad${i}` }))
        .status,
    ).toBe(401)
    t.clock.advance(1_000)
  }
  // 3 free failures, then 2 s: the fourth failure (1 s ago) makes even the right password wait 1 s more.
  const res = await t.browser().post('/api/auth/login', { username: 'admin', password: PASSWORD })
  expect(res.status).toBe(429)
  expect(res.headers.get('retry-after')).toBe('1')
  expect(await res.json()).toMatchObject({ error: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } })
  // Another account from the same (unknown) source is unaffected.
  expect(
    (await t.browser().post('/api/auth/login', { username: 'viewer', password: PASSWORD })).status,
  ).toBe(200)
  t.clock.advance(1_000)
  expect(
    (await t.browser().post('/api/auth/login', { username: 'admin', password: PASSWORD })).status,
  ).toBe(200)
})

test('logins are rate limited per client address across accounts', async () => {
  const t = await createTestApp()
  const from = { incoming: { socket: { remoteAddress: '203.0.113.9' } } } as never
  const attempt = (username: string, password: string) =>
    t.app.request(
      '/api/auth/login',
      {
        method: 'POST',
        body: JSON.stringify({ username, password }),
        headers: {
          Origin: 'https://ops.example.test',
          'X-Ops-Console': '1',
          'Content-Type': 'application/json',
        },
      },
      from,
    )
  for (let i = 0; i < 21; i++) expect((await attempt(`user${i}`, 'guess')).status).toBe(401)
  const blocked = await attempt('viewer', PASSWORD)
  expect(blocked.status).toBe(429)
  // The same account from another address still works.
  expect(
    (await t.browser().post('/api/auth/login', { username: 'viewer', password: PASSWORD })).status,
  ).toBe(200)
  await t.close()
})

test('bootstrap admin must change the one-time password before using the API', async () => {
  const t = await createTestApp()
  await t.deps.db.deleteFrom('users').execute()
  const boot = await t.deps.users.bootstrapAdmin()
  expect(boot?.username).toBe('admin')
  expect(await t.deps.users.bootstrapAdmin()).toBeNull()
  const b = t.browser()
  const login = await b.post('/api/auth/login', { username: 'admin', password: boot!.password })
  expect(await login.json()).toMatchObject({ mustChangePassword: true })
  const blocked = await b.get('/api/audit')
  expect(blocked.status).toBe(403)
  expect(await blocked.json()).toMatchObject({ error: { code: 'PASSWORD_CHANGE_REQUIRED' } })
  expect((await b.get('/api/auth/me')).status).toBe(200)

  const weak = await b.post('/api/auth/password', {
    currentPassword: boot!.password,
    newPassword: 'short',
  })
  expect(weak.status).toBe(400)
  expect(await weak.json()).toMatchObject({
    error: { code: 'VALIDATION_FAILED', fields: { newPassword: 'Use at least 12 characters.' } },
  })
  const wrong = await b.post('/api/auth/password', {
    currentPassword: 'not-it',
    newPassword: 'a much better password',
  })
  expect(wrong.status).toBe(401)

  const oldSid = b.jar.get('__Host-ops_session')
  const ok = await b.post('/api/auth/password', {
    currentPassword: boot!.password,
    newPassword: 'a much better password',
  })
  expect(ok.status).toBe(200)
  expect(await ok.json()).toMatchObject({ mustChangePassword: false })
  expect(b.jar.get('__Host-ops_session')).not.toBe(oldSid)
  expect((await b.get('/api/audit')).status).toBe(200)
  expect(
    (await t.browser().post('/api/auth/login', { username: 'admin', password: boot!.password }))
      .status,
  ).toBe(401)
  await t.close()
})

test('changing the password ends the other sessions of that user', async () => {
  const t = await createTestApp()
  const laptop = await t.as('operator')
  const phone = await t.as('operator')
  expect(
    (
      await laptop.post('/api/auth/password', {
        currentPassword: PASSWORD,
        newPassword: 'another long password',
      })
    ).status,
  ).toBe(200)
  expect((await phone.get('/api/audit')).status).toBe(401)
  expect((await laptop.get('/api/audit')).status).toBe(200)
  await t.close()
})

test('with Secure switched off the cookie drops the __Host- prefix (browsers refuse it without Secure)', async () => {
  const t = await createTestApp({ env: { SESSION_COOKIE_SECURE: 'false' } })
  const res = await t.browser().post('/api/auth/login', { username: 'viewer', password: PASSWORD })
  const [cookie] = parseSetCookies(res)
  expect(cookie?.name).toBe('ops_session')
  expect(cookie?.attributes).not.toContain('Secure')
  await t.close()
})
