import { expect, onTestFinished, test } from 'vitest'
import { createLoginThrottle } from '../auth/login-throttle.js'
import { runUsersCommand } from '../cli/users-command.js'
import { createTestApp, PASSWORD } from '../testing/test-app.js'
import { SAME_ORIGIN_HEADERS } from '../testing/test-http.js'

const ATTACKER = '203.0.113.66'
const OWNER = '198.51.100.7'

async function app() {
  const t = await createTestApp()
  onTestFinished(() => t.close())
  const login = (from: string, password: string, username = 'admin') =>
    t.app.request(
      '/api/auth/login',
      {
        method: 'POST',
        body: JSON.stringify({ username, password }),
        headers: SAME_ORIGIN_HEADERS,
      },
      { incoming: { socket: { remoteAddress: from } } },
    )
  return { t, login }
}

test('an outsider failing on purpose cannot lock admin out: the right password from another source works at once', async () => {
  const { t, login } = await app()
  for (let i = 0; i < 12; i++) {
    const res = await login(ATTACKER, `guess ${i}`)
    expect([401, 429]).toContain(res.status)
  }
  // The attacker's own source is slowed down, even with the right password.
  const attacker = await login(ATTACKER, PASSWORD)
  expect(attacker.status).toBe(429)
  expect(Number(attacker.headers.get('retry-after'))).toBeGreaterThan(0)
  // The owner, from their own address: a typo is a plain 401, the right password signs in.
  expect((await login(OWNER, 'typo')).status).toBe(401)
  expect((await login(OWNER, PASSWORD)).status).toBe(200)
  // The lockout is logged and audited as an account event (never a workload entry).
  const events = t.logLines.filter((l) => l.includes('"event":"auth.lockout"'))
  expect(events.length).toBeGreaterThan(0)
  expect(JSON.parse(events[0] ?? '{}')).toMatchObject({
    username: 'admin',
    source: ATTACKER,
    scope: 'account-source',
  })
  const { items } = await t.deps.ledger.query({ action: 'auth.lockout', limit: 50 })
  expect(items.length).toBeGreaterThan(0)
  expect(items[0]).toMatchObject({ type: 'event', subject: 'admin', sourceIp: ATTACKER })
  expect(
    await t.deps.db.selectFrom('audit_log').where('type', '!=', 'event').select('seq').execute(),
  ).toEqual([])
})

test('npm run users -- unlock NAME lets the locked-out source try again at once', async () => {
  const { t, login } = await app()
  for (let i = 0; i < 4; i++) await login(ATTACKER, `guess ${i}`)
  expect((await login(ATTACKER, PASSWORD)).status).toBe(429)
  const out: string[] = []
  const code = await runUsersCommand(['unlock', 'admin'], {
    users: t.deps.users,
    sessions: t.deps.sessions,
    throttle: createLoginThrottle(t.deps.db, t.clock),
    readPassword: () => Promise.reject(new Error('no password needed')),
    out: (l) => out.push(l),
  })
  expect(code).toBe(0)
  expect(out).toEqual(['admin unlocked: 4 failed sign-in(s) forgotten'])
  expect((await login(ATTACKER, PASSWORD)).status).toBe(200)
})
