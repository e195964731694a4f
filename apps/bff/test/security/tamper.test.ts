import { afterAll, expect, test } from 'vitest'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../src/db/schema.js'
import { createLedger } from '../../src/audit/ledger.js'
import { rowHash, GENESIS_HASH } from '../../src/audit/hash-chain.js'
import { manualClock } from '../../src/lib/clock.js'
import { createTestDb, DIALECTS, type TestDb } from '../../src/testing/test-db.js'
import { intentInput, requestOutcome } from '../../src/testing/audit-fixtures.js'

// The ledger suite (src/audit/ledger.test.ts) covers a modified intent, a deleted middle row and
// swapped rows. These add what an insider would actually try next.
const opened: TestDb[] = []
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close().catch(() => undefined)))
})

/** A ledger with three audited stops: success, a refused one, and one still pending. Triggers dropped (an insider with DDL rights). */
async function tamperable(dialect: (typeof DIALECTS)[number]) {
  const t = await createTestDb(dialect)
  opened.push(t)
  const clock = manualClock()
  const ledger = createLedger(t.db, clock)
  const ok = await ledger.recordIntent(intentInput({ workloadId: '111' }))
  await ledger.recordOutcome(requestOutcome(ok.id, 'success'))
  const refused = await ledger.recordIntent(intentInput({ workloadId: '222', actor: 'mallory' }))
  await ledger.recordOutcome(requestOutcome(refused.id, 'failure'))
  await ledger.recordOutcome({
    ...requestOutcome(refused.id, 'failure'),
    source: 'watcher',
    finalState: 'running',
    httpStatus: null,
  })
  await ledger.recordIntent(intentInput({ workloadId: '333' }))
  const head = await ledger.verify()
  expect(head).toMatchObject({ ok: true, rows: 6 })
  await sql`DROP TRIGGER audit_log_no_update ${sql.raw(dialect === 'postgres' ? 'ON audit_log' : '')}`.execute(
    t.db,
  )
  if (dialect === 'sqlite') await sql`DROP TRIGGER audit_log_no_delete`.execute(t.db)
  return { t, ledger, head, refusedId: refused.id }
}

/** Rewrites the chain from scratch over the rows as they now are (no secret is needed to do this). */
async function rechain(db: Kysely<Database>): Promise<void> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute()
  await db.deleteFrom('audit_log').execute()
  let prev = GENESIS_HASH
  for (const [i, r] of rows.entries()) {
    const fields = { ...r, seq: i + 1, prev_hash: prev }
    prev = rowHash(fields)
    await db
      .insertInto('audit_log')
      .values({ ...fields, hash: prev })
      .execute()
  }
}

for (const dialect of DIALECTS) {
  test(`${dialect}: whitewashing a refused stop's outcome row is detected at that row`, async () => {
    const { t, ledger } = await tamperable(dialect)
    await t.db
      .updateTable('audit_log')
      .set({ body: sql<string>`replace(body, '"failure"', '"success"')` })
      .where('seq', '=', 4)
      .execute()
    expect(await ledger.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 4,
      problem: 'row 4 was modified',
    })
  })

  test(`${dialect}: cutting off the newest rows leaves a valid chain, caught by comparing with the recorded head hash`, async () => {
    const { t, ledger, head } = await tamperable(dialect)
    await t.db.deleteFrom('audit_log').where('seq', '=', 6).execute()
    const after = await ledger.verify()
    expect(after.rows).toBe(5)
    expect(after.headHash).not.toBe(head.headHash)
  })

  test(`${dialect}: reordering rows and recomputing every hash is caught only against the recorded head hash`, async () => {
    const { t, ledger, head } = await tamperable(dialect)
    await t.db.updateTable('audit_log').set({ seq: 100 }).where('seq', '=', 3).execute()
    await rechain(t.db)
    const after = await ledger.verify()
    expect(after.headHash).not.toBe(head.headHash)
  })

  test(`${dialect}: editing the audit view's projection (outcome, final state) is detected by verify`, async () => {
    const { t, ledger, refusedId } = await tamperable(dialect)
    await t.db
      .updateTable('audit_entries')
      .set({ outcome: 'success', final_state: 'stopped' })
      .where('intent_id', '=', refusedId)
      .execute()
    expect(await ledger.verify()).toMatchObject({ ok: false, firstBadSeq: 3 })
  })

  test(`${dialect}: deleting an entry from the audit view (hiding an action) is detected by verify`, async () => {
    const { t, ledger, refusedId } = await tamperable(dialect)
    await t.db.deleteFrom('audit_entries').where('intent_id', '=', refusedId).execute()
    expect(await ledger.verify()).toMatchObject({ ok: false, firstBadSeq: 3 })
  })

  test(`${dialect}: re-attributing an action in the view (actor) is detected by verify`, async () => {
    const { t, ledger, refusedId } = await tamperable(dialect)
    await t.db
      .updateTable('audit_entries')
      .set({ actor: 'alice', search: 'alice' })
      .where('intent_id', '=', refusedId)
      .execute()
    expect((await ledger.verify()).ok).toBe(false)
  })
}
