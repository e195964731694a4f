import { afterAll, expect, test } from 'vitest'
import { createDb } from '../db/create-db.js'
import { manualClock } from '../lib/clock.js'
import { createTestDb, DIALECTS, type TestDb } from '../testing/test-db.js'
import { intentInput, requestOutcome } from '../testing/audit-fixtures.js'
import { HEAD_CHECK_TTL_MS, memoiseLastActions } from './last-actions-memo.js'
import { createLedger } from './ledger.js'
import { lastActions } from './query.js'

const opened: { close(): Promise<void> }[] = []
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close().catch(() => undefined)))
})

/** A second process on the same database: another pool on PostgreSQL, the same handle on SQLite. */
function otherReplica(t: TestDb): TestDb['db'] {
  if (!t.url) return t.db
  const other = createDb({ database: { url: t.url, sqlitePath: '' } }, { pgSchema: t.schema! })
  opened.push(other)
  return other.db
}

const ref = { kind: 'dli-flink-job', target: 'prod-eu', id: 'w1' } as const
const reasonOf = async (get: () => Promise<Map<string, { reason: string }>>) =>
  (await get()).get('dli-flink-job|prod-eu|w1')?.reason ?? null

for (const dialect of DIALECTS) {
  test(`${dialect}: repeated lastActions are answered from the memo until the ledger's head moves`, async () => {
    const t = await createTestDb(dialect)
    opened.push(t)
    const clock = manualClock()
    let loads = 0
    const memo = memoiseLastActions(t.db, clock, (refs) => {
      loads++
      return lastActions(t.db, refs)
    })
    const ledger = createLedger(t.db, clock)
    await ledger.recordIntent(intentInput({ workloadId: 'w1', reason: 'first' }))
    expect(await reasonOf(() => memo.lastActions([ref]))).toBe('first')
    expect(await reasonOf(() => memo.lastActions([ref]))).toBe('first')
    clock.advance(HEAD_CHECK_TTL_MS + 1)
    expect(await reasonOf(() => memo.lastActions([ref]))).toBe('first')
    expect(loads).toBe(1)

    // A row appended elsewhere (this memo is not told) shows once the head is read again.
    await ledger.recordIntent(intentInput({ workloadId: 'w1', reason: 'second' }))
    clock.advance(HEAD_CHECK_TTL_MS + 1)
    expect(await reasonOf(() => memo.lastActions([ref]))).toBe('second')
    expect(loads).toBe(2)
  })

  test(`${dialect}: the ledger's own appends invalidate at once, another replica's within the head TTL`, async () => {
    const t = await createTestDb(dialect)
    opened.push(t)
    const clock = manualClock()
    const ledger = createLedger(t.db, clock)
    const remote = createLedger(otherReplica(t), clock)
    const read = () => ledger.lastActions([ref])
    expect(await reasonOf(read)).toBeNull()

    const intent = await ledger.recordIntent(
      intentInput({ workloadId: 'w1', reason: 'local stop' }),
    )
    expect(await reasonOf(read)).toBe('local stop')
    await ledger.recordOutcome(requestOutcome(intent.id, 'failure'))
    expect((await read()).get('dli-flink-job|prod-eu|w1')?.outcome).toBe('failure')

    await remote.recordIntent(intentInput({ workloadId: 'w1', reason: 'remote stop' }))
    clock.advance(HEAD_CHECK_TTL_MS)
    expect(await reasonOf(read)).toBe('remote stop')
  })
}
