import { expect, test } from 'vitest'
import { createTestApp, PASSWORD } from '../testing/test-app.js'

const CANARY_SK = 'CANARY-SK-7f3a9c'
const CANARY_AK = 'CANARY-AK-51d2e0'
const CANARY_OIDC = 'CANARY-OIDC-SECRET-88aa'
const TARGETS = JSON.stringify([{ name: 'prod-eu', region: 'eu-west-101', projectId: 'p1' }])

test('credentials, passwords and session ids never appear in responses or log lines', async () => {
  const t = await createTestApp({
    env: {
      CLOUD_AK: CANARY_AK,
      CLOUD_SK: CANARY_SK,
      CLOUD_TARGETS: TARGETS,
      OIDC_ISSUER: 'http://127.0.0.1:1',
      OIDC_CLIENT_ID: 'ops',
      OIDC_CLIENT_SECRET: CANARY_OIDC,
    },
  })
  const bodies: string[] = []
  const b = t.browser()
  const collect = async (res: Response) => {
    bodies.push(JSON.stringify([...res.headers]), await res.text())
  }
  await collect(
    await b.post('/api/auth/login', { username: 'viewer', password: 'CANARY-wrong-pw-1' }),
  )
  const login = await b.post('/api/auth/login', { username: 'viewer', password: PASSWORD })
  const sid = b.jar.get('__Host-ops_session')!
  bodies.push(await login.text())
  await collect(await b.get('/api/auth/me'))
  await collect(await b.get('/api/openapi.json'))
  await collect(
    await b.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'CANARY-new-password-2',
    }),
  )
  await collect(await b.get('/api/auth/oidc/login')) // IdP unreachable: 503 envelope
  // Log a request/headers object the way a careless handler might; redaction must catch it.
  t.deps.log.info(
    {
      headers: {
        authorization: `Bearer ${CANARY_SK}`,
        cookie: `__Host-ops_session=${sid}`,
        'x-auth-token': CANARY_AK,
      },
      password: PASSWORD,
      sk: CANARY_SK,
      credentials: t.deps.config.credentials,
    },
    'probe',
  )

  const logs = t.logLines.join('\n')
  expect(logs).toContain('probe')
  for (const secret of [
    CANARY_SK,
    CANARY_AK,
    CANARY_OIDC,
    PASSWORD,
    'CANARY-wrong-pw-1',
    'CANARY-new-password-2',
    sid,
  ]) {
    expect(bodies.join('\n')).not.toContain(secret)
    expect(logs).not.toContain(secret)
  }
  await t.close()
})
