import { afterAll, expect, test } from 'vitest'
import { manualClock } from '../lib/clock.js'
import { createTestDb, DIALECTS, type TestDb } from '../testing/test-db.js'
import { createLoginThrottle } from './login-throttle.js'
import { createSessionStore, hashSessionId } from './sessions.js'
import { createUserStore } from './users.js'

const opened: TestDb[] = []
async function db(dialect: (typeof DIALECTS)[number]) {
  const t = await createTestDb(dialect)
  opened.push(t)
  return t
}
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close()))
})

const alice = {
  username: 'alice',
  displayName: 'Alice',
  role: 'operator' as const,
  authMethod: 'local' as const,
}

for (const dialect of DIALECTS) {
  test(`${dialect}: users are stored with argon2id hashes and unique names`, async () => {
    const t = await db(dialect)
    const users = createUserStore(t.db, manualClock())
    await users.create({ username: 'alice', role: 'operator', password: 'alice password 1' })
    const row = await t.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow()
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    await expect(
      users.create({ username: 'alice', role: 'viewer', password: 'x'.repeat(12) }),
    ).rejects.toThrow()
    await expect(
      users.create({ username: 'Bad Name', role: 'viewer', password: 'x'.repeat(12) }),
    ).rejects.toThrow(/usernames/)
    expect(await users.authenticate('alice', 'alice password 1')).toMatchObject({
      role: 'operator',
    })
    expect(await users.authenticate('alice', 'wrong')).toBeNull()
  })

  test(`${dialect}: sessions store only the id hash and expire on idle and absolute limits`, async () => {
    const t = await db(dialect)
    const clock = manualClock()
    const sessions = createSessionStore(t.db, clock, {
      idleMinutes: 10,
      absoluteHours: 1,
      cookieSecure: true,
    })
    const { id } = await sessions.create(alice)
    const rows = await t.db.selectFrom('sessions').select('id_hash').execute()
    expect(rows).toEqual([{ id_hash: hashSessionId(id) }])
    clock.advance(9 * 60_000)
    expect(await sessions.lookup(id)).toMatchObject({ user: alice })
    clock.advance(11 * 60_000)
    expect(await sessions.lookup(id)).toBeNull()
    expect(await t.db.selectFrom('sessions').selectAll().execute()).toEqual([]) // expired rows are removed

    const again = await sessions.create(alice)
    for (let i = 0; i < 6; i++) {
      clock.advance(9 * 60_000)
      expect(await sessions.lookup(again.id)).not.toBeNull()
    }
    clock.advance(9 * 60_000) // 63 minutes after creation
    expect(await sessions.lookup(again.id)).toBeNull()
  })

  test(`${dialect}: a session active every 20 s survives a 1-minute idle limit`, async () => {
    const t = await db(dialect)
    const clock = manualClock()
    const sessions = createSessionStore(t.db, clock, {
      idleMinutes: 1,
      absoluteHours: 1,
      cookieSecure: true,
    })
    const { id } = await sessions.create(alice)
    for (let i = 0; i < 10; i++) {
      clock.advance(20_000)
      expect(await sessions.lookup(id)).not.toBeNull()
    }
    clock.advance(61_000)
    expect(await sessions.lookup(id)).toBeNull()
  })

  test(`${dialect}: the login throttle is shared by every store instance on the same database`, async () => {
    const t = await db(dialect)
    const clock = manualClock()
    const rules = {
      accountSource: { free: 1, windowMs: 60_000, maxDelayMs: 60_000 },
      source: { free: 2, windowMs: 60_000, maxDelayMs: 60_000 },
    }
    const replicaA = createLoginThrottle(t.db, clock, rules)
    const replicaB = createLoginThrottle(t.db, clock, rules)
    await replicaA.recordFailure('Alice', '10.0.0.1')
    expect(await replicaB.retryAfter('alice', '10.0.0.1')).toBe(0)
    await replicaB.recordFailure('alice', '10.0.0.1')
    // Two failures of one (account, source), one on each replica: the next waits 2 s on both.
    expect(await replicaA.retryAfter('ALICE', '10.0.0.1')).toBe(2)
    expect(await replicaB.retryAfter('alice', '10.0.0.2')).toBe(0)
    clock.advance(2_000)
    expect(await replicaA.retryAfter('alice', '10.0.0.1')).toBe(0)
    expect(await replicaB.unlock('alice')).toBe(2)
  })
}
