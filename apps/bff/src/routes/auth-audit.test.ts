import { expect, onTestFinished, test } from 'vitest'
import type { AccountAuditEntry } from '@ops-console/contracts'
import { auditedUserAdmin } from '../auth/audited-users.js'
import { AppError } from '../lib/errors.js'
import { createTestApp, PASSWORD } from '../testing/test-app.js'
import { parseSetCookies } from '../testing/test-http.js'
import { runUsersCommand } from '../cli/users-command.js'

async function app() {
  const t = await createTestApp()
  onTestFinished(() => t.close())
  return t
}

/** Account events, oldest first, as the audit view (admin) lists them. */
async function accountEvents(t: Awaited<ReturnType<typeof app>>) {
  const { items } = await t.deps.ledger.query({ category: 'account', limit: 500 })
  return (items as AccountAuditEntry[])
    .reverse()
    .map((e) => [e.action, e.actor, e.outcome, e.subject, e.details] as const)
}

test('sign-in, failed sign-in, lockout, sign-out and password changes are ledger entries in the one chain', async () => {
  const t = await app()
  const b = t.browser()
  await b.login('operator', PASSWORD)
  expect((await b.post('/api/auth/logout')).status).toBe(200)
  // Three failures are free; the fourth makes the next attempt from this source wait 2 s.
  for (let i = 0; i < 4; i++)
    expect((await b.post('/api/auth/login', { username: 'viewer', password: 'nope' })).status).toBe(
      401,
    )
  // Throttled attempts are refused before the password is checked and not audited one by one.
  expect((await b.post('/api/auth/login', { username: 'viewer', password: 'nope' })).status).toBe(
    429,
  )
  const admin = await t.as('admin')
  const wrong = { currentPassword: 'not it at all', newPassword: 'a brand new password' }
  expect((await admin.post('/api/auth/password', wrong)).status).toBe(401)
  const right = { currentPassword: PASSWORD, newPassword: 'a brand new password' }
  expect((await admin.post('/api/auth/password', right)).status).toBe(200)

  const failed = { cause: 'invalid-credentials' }
  expect(await accountEvents(t)).toEqual([
    ['auth.login', 'operator', 'success', null, {}],
    ['auth.logout', 'operator', 'success', null, {}],
    ...Array.from({ length: 4 }, () => ['auth.login', 'viewer', 'failure', null, failed]),
    [
      'auth.lockout',
      'viewer',
      'success',
      'viewer',
      { retryAfterSeconds: 2, scope: 'account-source', failures: 4 },
    ],
    ['auth.login', 'admin', 'success', null, {}],
    ['auth.password-change', 'admin', 'failure', null, failed],
    ['auth.password-change', 'admin', 'success', null, {}],
  ])
  const { items } = await t.deps.ledger.query({ category: 'account', limit: 1 })
  expect(items[0]).toMatchObject({ type: 'event', via: 'api', role: 'admin' })
  expect(items[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/)
  expect(await t.deps.ledger.verify()).toMatchObject({ ok: true, rows: 10 })
  // The audit view finds them by text and by action, like workload entries.
  const found = (await (await admin.get('/api/audit?action=auth.lockout')).json()) as {
    items: AccountAuditEntry[]
  }
  expect(found.items.map((e) => e.subject)).toEqual(['viewer'])
})

test('a sign-in the ledger cannot record fails with 503 AUDIT_UNAVAILABLE and leaves no session', async () => {
  const t = await app()
  t.deps.ledger = {
    ...t.deps.ledger,
    recordEvent: () => Promise.reject(new AppError('AUDIT_UNAVAILABLE', 'the audit log is down')),
  }
  const res = await t
    .browser()
    .post('/api/auth/login', { username: 'operator', password: PASSWORD })
  expect(res.status).toBe(503)
  expect(await res.json()).toMatchObject({ error: { code: 'AUDIT_UNAVAILABLE' } })
  expect(parseSetCookies(res).filter((c) => c.value !== '')).toEqual([])
  expect(await t.deps.db.selectFrom('sessions').selectAll().execute()).toEqual([])
})

test('user administration through the audited store: every change (and a refused one) is an entry naming the admin', async () => {
  const t = await app()
  const users = auditedUserAdmin(t.deps.users, t.deps.ledger, () => ({
    actor: 'cli:ops',
    role: null,
    via: 'cli',
    sourceIp: null,
    userAgent: null,
    requestId: null,
  }))
  const passwords = ['first password 123', 'second password 456']
  const run = (...argv: string[]) =>
    runUsersCommand(argv, {
      users,
      sessions: t.deps.sessions,
      throttle: { unlock: () => Promise.resolve(0) },
      readPassword: () => Promise.resolve(passwords.shift() ?? ''),
      out: () => undefined,
    })
  expect(await run('add', 'alice', 'operator', 'Alice')).toBe(0)
  expect(await run('set-role', 'alice', 'admin')).toBe(0)
  expect(await run('set-password', 'alice')).toBe(0)
  expect(await run('disable', 'alice')).toBe(0)
  expect(await run('enable', 'alice')).toBe(0)
  await expect(run('set-role', 'ghost', 'viewer')).rejects.toThrow()
  const events = await accountEvents(t)
  expect(
    events.map(([action, actor, outcome, subject]) => [action, actor, outcome, subject]),
  ).toEqual([
    ['user.create', 'cli:ops', 'success', 'alice'],
    ['user.set-role', 'cli:ops', 'success', 'alice'],
    ['user.set-password', 'cli:ops', 'success', 'alice'],
    ['user.disable', 'cli:ops', 'success', 'alice'],
    ['user.enable', 'cli:ops', 'success', 'alice'],
    ['user.set-role', 'cli:ops', 'failure', 'ghost'],
  ])
  expect(events[1]?.[4]).toEqual({ role: 'admin' })
  // No secret in any entry.
  const raw = await t.deps.db.selectFrom('audit_log').select('body').execute()
  expect(raw.some((r) => r.body.includes('password 123') || r.body.includes('password 456'))).toBe(
    false,
  )
})
