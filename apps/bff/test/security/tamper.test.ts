import { appendFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, onTestFinished, test } from 'vitest'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../src/db/schema.js'
import { createLedger } from '../../src/audit/ledger.js'
import { readCheckpoints } from '../../src/audit/checkpoints.js'
import { verifyLedger } from '../../src/cli/audit-verify-command.js'
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

// Tamper evidence beyond the database: a rehashed chain passes the chain walk alone (above), but
// not the row MACs (a key the database never holds) nor the checkpoint file (outside it).
const KEY = 'k'.repeat(40)

async function withEvidence(dialect: (typeof DIALECTS)[number]) {
  const t = await createTestDb(dialect)
  opened.push(t)
  const dir = mkdtempSync(join(tmpdir(), 'ops-checkpoints-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  const checkpointFile = join(dir, 'audit-checkpoints.jsonl')
  const clock = manualClock()
  const ledger = createLedger(t.db, clock, { hmacKey: KEY, checkpointFile })
  for (const id of ['111', '222', '333']) {
    const i = await ledger.recordIntent(intentInput({ workloadId: id, reason: `stop ${id}` }))
    await ledger.recordOutcome(requestOutcome(i.id, 'success'))
    clock.advance(2_000)
  }
  await ledger.close() // writes the last checkpoint
  await sql`DROP TRIGGER audit_log_no_update ${sql.raw(dialect === 'postgres' ? 'ON audit_log' : '')}`.execute(
    t.db,
  )
  if (dialect === 'sqlite') await sql`DROP TRIGGER audit_log_no_delete`.execute(t.db)
  const { checkpoints } = await readCheckpoints(checkpointFile)
  return { t, checkpoints, checkpointFile }
}

/** The insider's rewrite: change a reason, rehash every row, fix the audit view to match. */
async function rewriteReason(db: Kysely<Database>, seq: number, stripMacs = false) {
  await db
    .updateTable('audit_log')
    .set({ body: sql<string>`replace(body, 'stop 222', 'stop 999')` })
    .where('seq', '=', seq)
    .execute()
  await rechain(db)
  if (stripMacs) await db.updateTable('audit_log').set({ mac: null }).execute()
  await db
    .updateTable('audit_entries')
    .set({ search: sql<string>`replace(search, 'stop 222', 'stop 999')` })
    .execute()
}

for (const dialect of DIALECTS) {
  test(`${dialect}: a rewritten and rehashed chain passes the walk alone, and is reported tampered by its MACs and by the checkpoints`, async () => {
    const { t, checkpoints } = await withEvidence(dialect)
    expect(checkpoints.length).toBeGreaterThan(0)
    const intact = createLedger(t.db, manualClock(), { hmacKey: KEY })
    expect(await intact.verify({ checkpoints })).toMatchObject({
      ok: true,
      rows: 6,
      authenticatedRows: 6,
      checkpointsChecked: checkpoints.length,
    })
    await rewriteReason(t.db, 3)
    // What audit:verify could say before: a perfectly consistent chain.
    expect(await createLedger(t.db, manualClock()).verify()).toMatchObject({ ok: true, rows: 6 })
    expect(await intact.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'row 3 has a MAC that does not match: rewritten without the key',
    })
    const against = await createLedger(t.db, manualClock()).verify({ checkpoints })
    expect(against.ok).toBe(false)
    expect(against.problem).toMatch(
      /^row \d differs from its checkpoint of .*: the chain was rewritten$/,
    )
  })

  test(`${dialect}: stripping every MAC does not help, and cutting off the tail is caught by the checkpoint file`, async () => {
    const { t } = await withEvidence(dialect)
    await rewriteReason(t.db, 3, true)
    expect(await createLedger(t.db, manualClock(), { hmacKey: KEY }).verify()).toMatchObject({
      ok: false,
      problem: 'a MAC key is set but no row carries a MAC: written without the key, or rewritten',
    })
    const cut = await withEvidence(dialect)
    await cut.t.db.deleteFrom('audit_log').where('seq', '>=', 5).execute()
    await cut.t.db.deleteFrom('audit_entries').where('seq', '>=', 5).execute()
    expect(await createLedger(cut.t.db, manualClock()).verify()).toMatchObject({
      ok: true,
      rows: 4,
    })
    const cutOff = await createLedger(cut.t.db, manualClock()).verify({
      checkpoints: cut.checkpoints,
    })
    expect(cutOff.ok).toBe(false)
    expect(cutOff.problem).toMatch(
      /records row [56], but the chain ends at row 4: rows were removed$/,
    )
  })

  test(`${dialect}: npm run audit:verify exits 1 on a rehashed chain given the checkpoint file, 0 before`, async () => {
    const { t, checkpointFile } = await withEvidence(dialect)
    const run = async () => {
      const out: string[] = []
      const code = await verifyLedger(t, manualClock(), {
        hmacKey: null,
        checkpointFiles: [checkpointFile],
        out: (s) => out.push(s),
        err: (s) => out.push(s),
      })
      return { code, text: out.join('') }
    }
    const before = await run()
    expect(before.code).toBe(0)
    expect(before.text).toContain('audit log intact')
    await rewriteReason(t.db, 3)
    const after = await run()
    expect(after.code).toBe(1)
    expect(after.text).toMatch(/audit log NOT intact at seq \d: row \d differs from its checkpoint/)
    // A forged line in the middle of the checkpoint file is refused outright.
    appendFileSync(checkpointFile, 'not json\n{"seq":1,"hash":"x","at":"y"}\n')
    const forged = await run()
    expect(forged.code).toBe(1)
    expect(forged.text).toContain('not a checkpoint line')
  })
}
