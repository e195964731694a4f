import { expect, onTestFinished, test } from 'vitest'
import { manualClock } from '../lib/clock.js'
import { createTestDb } from '../testing/test-db.js'
import { createLoginThrottle, DEFAULT_RULES, delayAfter } from './login-throttle.js'

async function throttle() {
  const t = await createTestDb('sqlite')
  onTestFinished(() => t.close())
  const clock = manualClock()
  return { clock, throttle: createLoginThrottle(t.db, clock) }
}

test('the delay is free for the first failures, then doubles, and is capped', () => {
  const rule = DEFAULT_RULES.accountSource
  expect([1, 2, 3, 4, 5, 6, 7].map((n) => delayAfter(n, rule))).toEqual([
    0, 0, 0, 2_000, 4_000, 8_000, 16_000,
  ])
  expect(delayAfter(40, rule)).toBe(15 * 60_000)
})

test('failures of one account from one source make only that pair wait', async () => {
  const { clock, throttle: t } = await throttle()
  const attacker = '203.0.113.66'
  const admin = '198.51.100.7'
  const events = []
  for (let i = 0; i < 10; i++) {
    events.push(await t.recordFailure('admin', attacker))
    clock.advance(100)
  }
  expect(events.slice(0, 3)).toEqual([null, null, null])
  expect(events[3]).toMatchObject({
    username: 'admin',
    source: attacker,
    scope: 'account-source',
    failures: 4,
    retryAfterSeconds: 2,
  })
  expect(events[9]).toMatchObject({ failures: 10, retryAfterSeconds: 128 })
  expect(await t.retryAfter('admin', attacker)).toBe(128)
  // The owner, from anywhere else, is never held back by the attacker's failures.
  expect(await t.retryAfter('admin', admin)).toBe(0)
  expect(await t.retryAfter('Admin', admin)).toBe(0)
  expect(await t.recordFailure('admin', admin)).toBeNull()
  // The window forgets: 15 minutes after the last failure the attacker starts from zero.
  clock.advance(15 * 60_000 + 1)
  expect(await t.retryAfter('admin', attacker)).toBe(0)
})

test('one source spraying many accounts is slowed down on its own counter', async () => {
  const { throttle: t } = await throttle()
  const src = '203.0.113.9'
  for (let i = 0; i < 20; i++) expect(await t.recordFailure(`user${i}`, src)).toBeNull()
  expect(await t.recordFailure('user20', src)).toMatchObject({
    scope: 'source',
    failures: 21,
    retryAfterSeconds: 2,
  })
  expect(await t.retryAfter('somebody-else', src)).toBe(2)
  expect(await t.retryAfter('somebody-else', '192.0.2.1')).toBe(0)
})

test('success forgets the pair; unlock forgets every failure against the account, from every source', async () => {
  const { throttle: t } = await throttle()
  for (const src of ['10.0.0.1', '10.0.0.2'])
    for (let i = 0; i < 5; i++) await t.recordFailure('alice', src)
  await t.recordFailure('bob', '10.0.0.1')
  await t.recordSuccess('alice', '10.0.0.1')
  expect(await t.retryAfter('alice', '10.0.0.1')).toBe(0)
  expect(await t.retryAfter('alice', '10.0.0.2')).toBeGreaterThan(0)
  expect(await t.unlock('ALICE')).toBe(5)
  expect(await t.retryAfter('alice', '10.0.0.2')).toBe(0)
  // Other accounts keep their counts.
  expect(await t.unlock('bob')).toBe(1)
})
