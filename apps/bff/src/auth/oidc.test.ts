import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest'
import { createTestApp } from '../testing/test-app.js'
import { TEST_ORIGIN } from '../testing/test-deps.js'
import { parseSetCookies } from '../testing/test-http.js'
import { authorizeAtIdp, OIDC_CLIENT, startOidcProvider } from '../testing/oidc-test-provider.js'
import { roleFromGroups } from './oidc.js'

const REDIRECT_URI = `${TEST_ORIGIN}/api/auth/oidc/callback`
let idp: Awaited<ReturnType<typeof startOidcProvider>>

beforeAll(async () => {
  idp = await startOidcProvider(REDIRECT_URI)
})
afterAll(async () => {
  await idp.close()
})

const oidcApp = () =>
  createTestApp({
    env: {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_ROLE_MAPPING: JSON.stringify({
        'ops-admins': 'admin',
        'ops-operators': 'operator',
        staff: 'viewer',
      }),
    },
  })

/** Starts at the BFF, signs in at the IdP, and returns the BFF's callback response. */
async function signIn(t: Awaited<ReturnType<typeof oidcApp>>, login: string) {
  const b = t.browser()
  const start = await b.get('/api/auth/oidc/login')
  expect(start.status).toBe(302)
  const authUrl = new URL(start.headers.get('location')!)
  const callback = await authorizeAtIdp(authUrl.href, login, REDIRECT_URI)
  const res = await b.get(`${callback.pathname}${callback.search}`)
  return { b, authUrl, callback, res }
}

test('OIDC end to end: code + PKCE + state + nonce, role from the groups claim, fresh session', async () => {
  const t = await oidcApp()
  expect(await (await t.browser().get('/api/auth/me')).json()).toMatchObject({
    oidc: true,
    user: null,
  })
  const { b, authUrl, res } = await signIn(t, 'alice')
  expect(authUrl.origin).toBe(idp.issuer)
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256')
  expect(authUrl.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
  expect(authUrl.searchParams.get('state')).toBeTruthy()
  expect(authUrl.searchParams.get('nonce')).toBeTruthy()
  expect(authUrl.searchParams.get('redirect_uri')).toBe(REDIRECT_URI)

  expect(res.status).toBe(302)
  expect(res.headers.get('location')).toBe('/')
  const session = parseSetCookies(res).find((c) => c.name === '__Host-ops_session')
  expect(session?.attributes).toEqual(
    expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']),
  )
  const me = await (await b.get('/api/auth/me')).json()
  expect(me).toEqual({
    user: { username: 'alice', displayName: 'Alice Admin', role: 'admin', authMethod: 'oidc' },
    demoMode: true,
    oidc: true,
    mustChangePassword: false,
  })
  expect((await b.get('/api/audit/export')).status).toBe(200)
  await t.close()
})

test('OIDC: the highest mapped group wins; no mapped group means no session', async () => {
  const t = await oidcApp()
  const olga = await signIn(t, 'olga')
  expect(await (await olga.b.get('/api/auth/me')).json()).toMatchObject({
    user: { role: 'operator' },
  })

  const t2 = await createTestApp({
    env: {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_ROLE_MAPPING: '{"ops-admins":"admin"}',
    },
  })
  const bob = await signIn(t2, 'bob')
  // A page navigation: back to sign-in with a code the page explains, not a JSON error page.
  expect(bob.res.status).toBe(302)
  expect(bob.res.headers.get('location')).toBe('/login?error=no_role')
  expect(parseSetCookies(bob.res).some((c) => c.name === '__Host-ops_session' && c.value)).toBe(
    false,
  )
  await t.close()
  await t2.close()
})

test('OIDC: a callback from another browser (no state cookie), a forged state or a replayed code lands on sign-in with a code', async () => {
  const t = await oidcApp()
  const b = t.browser()
  const start = await b.get('/api/auth/oidc/login')
  const callback = await authorizeAtIdp(start.headers.get('location')!, 'alice', REDIRECT_URI)
  const path = `${callback.pathname}${callback.search}`

  const otherBrowser = await t.browser().get(path)
  expect(otherBrowser.status).toBe(302)
  expect(otherBrowser.headers.get('location')).toBe('/login?error=sso_state')

  const ok = await b.get(path)
  expect(ok.status).toBe(302)
  expect(ok.headers.get('location')).toBe('/')
  // Same code and state again, even with the state cookie put back: the flow was single use.
  const replay = await t.app.request(path, {
    headers: { cookie: `ops_oidc_state=${callback.searchParams.get('state')}` },
  })
  expect(replay.headers.get('location')).toBe('/login?error=sso_expired')
  expect(parseSetCookies(replay).some((c) => c.name === '__Host-ops_session')).toBe(false)

  const b2 = t.browser()
  const start2 = await b2.get('/api/auth/oidc/login')
  const forged = await authorizeAtIdp(start2.headers.get('location')!, 'alice', REDIRECT_URI)
  forged.searchParams.set('state', 'forged-state')
  const res = await b2.get(`${forged.pathname}${forged.search}`)
  expect(res.headers.get('location')).toBe('/login?error=sso_state')
  expect(parseSetCookies(res).some((c) => c.name === '__Host-ops_session')).toBe(false)
  await t.close()
})

test('OIDC: a refusal at the identity provider and an unreachable one land on sign-in too', async () => {
  const t = await oidcApp()
  onTestFinished(() => t.close())
  const b = t.browser()
  const start = await b.get('/api/auth/oidc/login')
  const state = new URL(start.headers.get('location')!).searchParams.get('state') ?? ''
  const denied = await b.get(`/api/auth/oidc/callback?error=access_denied&state=${state}`)
  expect(denied.status).toBe(302)
  expect(denied.headers.get('location')).toBe('/login?error=sso_denied')

  // Port 9 (discard) on loopback: nothing listens, discovery fails at once.
  const down = await createTestApp({
    env: {
      OIDC_ISSUER: 'http://127.0.0.1:9/realms/none',
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
      OIDC_ROLE_MAPPING: '{"ops-admins":"admin"}',
    },
  })
  onTestFinished(() => down.close())
  const login = await down.browser().get('/api/auth/oidc/login')
  expect(login.status).toBe(302)
  expect(login.headers.get('location')).toBe('/login?error=sso_unavailable')
})

test('OIDC: a username with invisible characters is refused; such a display name falls back to the username', async () => {
  const t = await oidcApp()
  onTestFinished(() => t.close())
  const trudy = await signIn(t, 'trudy')
  expect(trudy.res.status).toBe(302)
  expect(trudy.res.headers.get('location')).toBe('/login?error=sso_failed')
  expect(parseSetCookies(trudy.res).some((c) => c.name === '__Host-ops_session' && c.value)).toBe(
    false,
  )
  const mallory = await signIn(t, 'mallory')
  expect(mallory.res.status).toBe(302)
  expect(await (await mallory.b.get('/api/auth/me')).json()).toMatchObject({
    user: { username: 'mallory', displayName: 'mallory', role: 'viewer' },
  })
})

test('OIDC routes answer 404 when single sign-on is not configured', async () => {
  const t = await createTestApp()
  const res = await t.browser().get('/api/auth/oidc/login')
  expect(res.status).toBe(404)
  expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  await t.close()
})

test('roleFromGroups maps groups to the highest role and ignores unknown values', () => {
  const mapping = { a: 'viewer', b: 'admin', c: 'operator' } as const
  expect(roleFromGroups(['a', 'c'], mapping)).toBe('operator')
  expect(roleFromGroups(['c', 'b', 'a'], mapping)).toBe('admin')
  expect(roleFromGroups('a', mapping)).toBe('viewer')
  expect(roleFromGroups(['x', 42], mapping)).toBeNull()
  expect(roleFromGroups(undefined, mapping)).toBeNull()
})
