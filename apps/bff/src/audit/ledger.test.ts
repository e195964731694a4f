import { afterAll, expect, test } from 'vitest'
import { sql } from 'kysely'
import { createDb } from '../db/create-db.js'
import { AppError } from '../lib/errors.js'
import { manualClock } from '../lib/clock.js'
import { createTestDb, DIALECTS, TEST_DATABASE_URL, type TestDb } from '../testing/test-db.js'
import { intentInput, requestOutcome } from '../testing/audit-fixtures.js'
import { createLedger } from './ledger.js'

const opened: TestDb[] = []
async function setup(dialect: (typeof DIALECTS)[number]) {
  const t = await createTestDb(dialect)
  opened.push(t)
  const clock = manualClock()
  return { t, clock, ledger: createLedger(t.db, clock) }
}
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close().catch(() => undefined)))
})

async function dropTriggers(t: TestDb) {
  await sql`DROP TRIGGER audit_log_no_update ${sql.raw(t.dialect === 'postgres' ? 'ON audit_log' : '')}`.execute(
    t.db,
  )
  if (t.dialect === 'sqlite') await sql`DROP TRIGGER audit_log_no_delete`.execute(t.db)
}

for (const dialect of DIALECTS) {
  test(`${dialect}: the intent is committed before recordIntent returns and the outcome follows it`, async () => {
    const { t, ledger, clock } = await setup(dialect)
    const intent = await ledger.recordIntent(intentInput())
    // A second connection (another process on PostgreSQL) already sees it.
    const other = t.url
      ? createDb({ database: { url: t.url, sqlitePath: '' } }, { pgSchema: t.schema! })
      : t
    const seen = await other.db.selectFrom('audit_log').select(['type', 'intent_id']).execute()
    expect(seen).toEqual([{ type: 'intent', intent_id: intent.id }])
    if (other !== t) await other.close()
    expect((await ledger.openIntents()).map((i) => i.id)).toEqual([intent.id])

    clock.advance(1500)
    await ledger.recordOutcome(requestOutcome(intent.id))
    expect(await ledger.openIntents()).toEqual([])
    const rows = await t.db.selectFrom('audit_log').select(['seq', 'type']).orderBy('seq').execute()
    expect(rows.map((r) => [Number(r.seq), r.type])).toEqual([
      [1, 'intent'],
      [2, 'outcome'],
    ])
    const { items } = await ledger.query({ limit: 10 })
    expect(items[0]?.outcome).toMatchObject({
      outcome: 'success',
      httpStatus: 200,
      at: '2026-01-01T00:00:01.500Z',
    })
    expect(items[0]).toMatchObject({
      id: intent.id,
      actor: 'alice',
      reason: 'runaway job',
      at: '2026-01-01T00:00:00.000Z',
    })
  })

  test(`${dialect}: watcher outcomes add the final state but do not settle an intent`, async () => {
    const { ledger } = await setup(dialect)
    const intent = await ledger.recordIntent(intentInput())
    await ledger.recordOutcome({
      ...requestOutcome(intent.id, 'success'),
      source: 'watcher',
      finalState: 'stopped',
      timeToStopMs: 9000,
    })
    expect((await ledger.openIntents()).map((i) => i.id)).toEqual([intent.id])
    await ledger.recordOutcome({ ...requestOutcome(intent.id, 'unknown'), source: 'reconciler' })
    expect(await ledger.openIntents()).toEqual([])
    const [entry] = (await ledger.query({ limit: 5 })).items
    expect(entry).toMatchObject({
      finalState: 'stopped',
      timeToStopMs: 9000,
      outcome: { outcome: 'unknown', source: 'reconciler' },
    })
  })

  test(`${dialect}: an outcome for an unknown intent is refused`, async () => {
    const { ledger } = await setup(dialect)
    await expect(ledger.recordOutcome(requestOutcome('no-such-intent'))).rejects.toMatchObject({
      code: 'AUDIT_UNAVAILABLE',
    })
  })

  test(`${dialect}: the database itself refuses updates and deletes of audit rows`, async () => {
    const { t, ledger } = await setup(dialect)
    await ledger.recordIntent(intentInput())
    await expect(t.db.updateTable('audit_log').set({ body: '{}' }).execute()).rejects.toThrow(
      /append-only/,
    )
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/)
    if (dialect === 'postgres')
      await expect(sql`TRUNCATE audit_log`.execute(t.db)).rejects.toThrow(/append-only/)
    expect((await ledger.verify()).ok).toBe(true)
  })

  test(`${dialect}: verify detects a modified row`, async () => {
    const { t, ledger } = await setup(dialect)
    for (let i = 0; i < 3; i++) await ledger.recordIntent(intentInput({ reason: `reason ${i}` }))
    expect(await ledger.verify()).toMatchObject({ ok: true, rows: 3 })
    await dropTriggers(t)
    await t.db
      .updateTable('audit_log')
      .set({ body: sql<string>`replace(body, 'reason 1', 'harmless')` })
      .where('seq', '=', 2)
      .execute()
    expect(await ledger.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      problem: 'row 2 was modified',
    })
  })

  test(`${dialect}: verify detects a deleted row`, async () => {
    const { t, ledger } = await setup(dialect)
    for (let i = 0; i < 4; i++) await ledger.recordIntent(intentInput())
    await dropTriggers(t)
    await t.db.deleteFrom('audit_log').where('seq', '=', 3).execute()
    expect(await ledger.verify()).toMatchObject({
      ok: false,
      firstBadSeq: 3,
      problem: 'row 3 is missing',
    })
  })

  test(`${dialect}: verify detects reordered rows even when the hashes are recomputed per row`, async () => {
    const { t, ledger } = await setup(dialect)
    for (let i = 0; i < 3; i++) await ledger.recordIntent(intentInput({ actor: `user${i}` }))
    await dropTriggers(t)
    // Swap the contents of rows 1 and 2 (keeping their seq numbers).
    const rows = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', 'in', [1, 2])
      .orderBy('seq')
      .execute()
    const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]]
    await t.db.deleteFrom('audit_log').where('seq', 'in', [1, 2]).execute()
    await t.db
      .insertInto('audit_log')
      .values([
        { ...b, seq: 1 },
        { ...a, seq: 2 },
      ])
      .execute()
    const result = await ledger.verify()
    expect(result.ok).toBe(false)
    expect(result.firstBadSeq).toBe(1)
  })

  test(`${dialect}: keyset pagination walks every entry once, newest first, across equal timestamps`, async () => {
    const { ledger, clock } = await setup(dialect)
    const ids: string[] = []
    for (let i = 0; i < 23; i++) {
      if (i % 3 === 0) clock.advance(1000) // groups of equal `at` values
      ids.push((await ledger.recordIntent(intentInput({ workloadId: `job-${i}` }))).id)
    }
    const seen: string[] = []
    let cursor: string | undefined
    for (let page = 0; page < 10; page++) {
      const res = await ledger.query({ limit: 5, ...(cursor ? { cursor } : {}) })
      seen.push(...res.items.map((e) => e.id))
      if (!res.nextCursor) break
      cursor = res.nextCursor
    }
    expect(seen).toEqual([...ids].reverse())
  })

  test(`${dialect}: query filters by actor, kind, action, outcome (incl. pending), time range and text`, async () => {
    const { ledger, clock } = await setup(dialect)
    const a = await ledger.recordIntent(
      intentInput({ actor: 'alice', workloadName: 'Nightly_ETL%' }),
    )
    clock.advance(60_000)
    const b = await ledger.recordIntent(
      intentInput({
        actor: 'bob',
        kind: 'codearts-build',
        action: 'workload.delete',
        reason: 'old build',
      }),
    )
    clock.advance(60_000)
    const c = await ledger.recordIntent(
      intentInput({ actor: 'carol', action: 'script.execute', kind: 'dataarts-script-instance' }),
    )
    await ledger.recordOutcome(requestOutcome(a.id, 'failure'))
    await ledger.recordOutcome(requestOutcome(b.id, 'success'))
    const ids = async (q: Parameters<typeof ledger.query>[0]) =>
      (await ledger.query(q)).items.map((e) => e.id)
    expect(await ids({ limit: 50, actor: 'bob' })).toEqual([b.id])
    expect(await ids({ limit: 50, kind: 'dli-flink-job' })).toEqual([a.id])
    expect(await ids({ limit: 50, action: 'script.execute' })).toEqual([c.id])
    expect(await ids({ limit: 50, outcome: 'pending' })).toEqual([c.id])
    expect(await ids({ limit: 50, outcome: 'failure' })).toEqual([a.id])
    expect(
      await ids({ limit: 50, from: '2026-01-01T00:01:00Z', to: '2026-01-01T00:01:30Z' }),
    ).toEqual([b.id])
    expect(await ids({ limit: 50, q: 'OLD BUILD' })).toEqual([b.id])
    expect(await ids({ limit: 50, q: 'etl%' })).toEqual([a.id]) // % is literal, not a wildcard
    expect(await ids({ limit: 50, q: 'e_l' })).toEqual([])
  })

  test(`${dialect}: lastActions returns the newest workload action per workload`, async () => {
    const { ledger, clock } = await setup(dialect)
    await ledger.recordIntent(intentInput({ workloadId: 'w1', reason: 'first' }))
    clock.advance(1000)
    const second = await ledger.recordIntent(
      intentInput({ workloadId: 'w1', reason: 'second', actor: 'bob', action: 'workload.delete' }),
    )
    await ledger.recordOutcome(requestOutcome(second.id, 'success'))
    await ledger.recordIntent(intentInput({ workloadId: 'w2', target: 'other' }))
    const map = await ledger.lastActions([
      { kind: 'dli-flink-job', target: 'prod-eu', id: 'w1' },
      { kind: 'dli-flink-job', target: 'prod-eu', id: 'w2' },
    ])
    expect(Object.fromEntries(map)).toEqual({
      'dli-flink-job|prod-eu|w1': {
        action: 'delete',
        actor: 'bob',
        at: '2026-01-01T00:00:01.000Z',
        reason: 'second',
        outcome: 'success',
      },
    })
  })

  test(`${dialect}: concurrent appends keep one valid chain`, async () => {
    const { t, ledger, clock } = await setup(dialect)
    // On PostgreSQL a second pool stands in for a second BFF process.
    const second = t.url
      ? createDb({ database: { url: t.url, sqlitePath: '' } }, { pgSchema: t.schema! })
      : null
    const ledger2 = second ? createLedger(second.db, clock) : ledger
    const writes = Array.from({ length: 40 }, (_, i) =>
      (i % 2 ? ledger : ledger2).recordIntent(intentInput({ workloadId: `c${i}` })),
    )
    const intents = await Promise.all(writes)
    await Promise.all(
      intents.map((i, n) => (n % 2 ? ledger2 : ledger).recordOutcome(requestOutcome(i.id))),
    )
    expect(await ledger.verify()).toMatchObject({ ok: true, rows: 80 })
    await second?.close()
  })

  test(`${dialect}: recordIntent throws AUDIT_UNAVAILABLE when the database is gone`, async () => {
    const t = await createTestDb(dialect)
    const ledger = createLedger(t.db, manualClock())
    await t.close()
    const err = await ledger.recordIntent(intentInput()).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AppError)
    expect(err).toMatchObject({ code: 'AUDIT_UNAVAILABLE', status: 503 })
  })
}

test('the test PostgreSQL URL is the documented default or TEST_DATABASE_URL', () => {
  expect(TEST_DATABASE_URL).toMatch(/^postgres:\/\//)
})
