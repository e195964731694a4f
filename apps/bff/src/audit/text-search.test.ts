import { afterAll, expect, test } from 'vitest'
import type { AuditEntry } from '@ops-console/contracts'
import { Migrator } from 'kysely/migration'
import { migrateToLatest } from '../db/create-db.js'
import { migrationProvider } from '../db/migrations/index.js'
import { manualClock } from '../lib/clock.js'
import { createTestDb, DIALECTS, type TestDb } from '../testing/test-db.js'
import { intentInput, requestOutcome } from '../testing/audit-fixtures.js'
import { createLedger } from './ledger.js'
import { pageQuery } from './query.js'
import { sqliteTextIndexPays } from './text-filter.js'
import { verifyChain } from './verify.js'

// The text filter `q` is a case-insensitive substring match with LIKE wildcards taken literally;
// migration 004 indexes it (SQLite FTS5 trigram, PostgreSQL pg_trgm) without changing that.
const REASONS = [
  'Runaway job',
  'cost cut 50% now',
  'cost cut 50 now',
  'a_b renamed',
  'axb renamed',
  'say "hi" twice',
  'Ünïcode ÄRGER',
  'back\\slash',
  'x',
]
const TERMS = [
  'runaway',
  'RUNAWAY',
  'naw',
  'way j',
  '50%',
  '50',
  '%',
  '_',
  'a_b',
  'xb',
  '"hi"',
  '"',
  'hi" OR "x',
  'ärger',
  'k\\s',
  'ab',
  'x',
  'etl-',
  'prod-eu\nworkload',
  'no such thing',
  '*',
  'NEAR(a b)',
]

const opened: TestDb[] = []
afterAll(async () => {
  await Promise.all(opened.map((t) => t.close().catch(() => undefined)))
})

async function seeded(dialect: (typeof DIALECTS)[number]) {
  const t = await createTestDb(dialect)
  opened.push(t)
  const clock = manualClock()
  const ledger = createLedger(t.db, clock)
  for (const [i, reason] of REASONS.entries()) {
    const intent = await ledger.recordIntent(
      intentInput({ reason, workloadName: `etl-${i}`, workloadId: `9${i}00${i}` }),
    )
    if (i % 2 === 0) await ledger.recordOutcome(requestOutcome(intent.id))
    clock.advance(1000)
  }
  return { t, ledger }
}

/** The meaning the filter must keep, computed independently of SQL. */
function reference(all: AuditEntry[], term: string): string[] {
  const hay = (e: AuditEntry) =>
    [e.actor, e.target, e.workloadId, e.workloadName, e.reason, e.kind].join('\n').toLowerCase()
  return all.filter((e) => hay(e).includes(term.toLowerCase())).map((e) => e.id)
}

for (const dialect of DIALECTS) {
  test(`${dialect}: every term finds exactly the entries containing it, case-insensitively and literally`, async () => {
    const { t, ledger } = await seeded(dialect)
    const all = (await ledger.query({ limit: 100 })).items
    expect(all).toHaveLength(REASONS.length)
    for (const term of TERMS) {
      const got = (await ledger.query({ limit: 100, q: term })).items.map((e) => e.id)
      expect([term, got]).toEqual([term, reference(all, term)])
      // The plain LIKE walk (used for common terms) agrees too.
      const scanned = await pageQuery(t.db, { limit: 100, q: term }, false).execute()
      expect([term, scanned.map((r) => r.id)]).toEqual([term, got])
    }
    // Spot checks that the reference itself means what it should.
    expect(reference(all, 'naw')).toHaveLength(1)
    expect(reference(all, '50%')).toHaveLength(1)
    expect(reference(all, 'a_b')).toHaveLength(1)
    expect(reference(all, '"hi"')).toHaveLength(1)
    expect(reference(all, 'etl-')).toHaveLength(REASONS.length)
  })

  test(`${dialect}: the text filter paginates and the chain still verifies`, async () => {
    const { t, ledger } = await seeded(dialect)
    const first = await ledger.query({ limit: 1, q: 'renamed' })
    expect(first.nextCursor).not.toBeNull()
    const second = await ledger.query({
      limit: 1,
      q: 'renamed',
      cursor: first.nextCursor ?? undefined,
    })
    expect([...first.items, ...second.items].map((e) => e.reason)).toEqual([
      'axb renamed',
      'a_b renamed',
    ])
    expect(second.nextCursor).toBeNull()
    expect(await verifyChain(t.db)).toMatchObject({
      ok: true,
      rows: REASONS.length + Math.ceil(REASONS.length / 2),
    })
  })

  test(`${dialect}: migration 004 indexes the entries that existed before it`, async () => {
    const { t, ledger } = await seeded(dialect)
    const migrator = new Migrator({
      db: t.db,
      provider: migrationProvider,
      ...(t.schema ? { migrationTableSchema: t.schema } : {}),
    })
    // Back to just before 004, whatever migrations came after it (they are undone first).
    const down = (await migrator.migrateTo('003-replicas')).results ?? []
    expect(down.at(-1)).toMatchObject({ migrationName: '004-audit-text-index', status: 'Success' })
    const before = await ledger.recordIntent(intentInput({ reason: 'written while unindexed' }))
    await migrateToLatest(t.db, t.schema ? { pgSchema: t.schema } : {})
    const after = await ledger.recordIntent(intentInput({ reason: 'written after unindexed' }))
    expect((await ledger.query({ limit: 10, q: 'unindexed' })).items.map((e) => e.id)).toEqual([
      after.id,
      before.id,
    ])
    expect((await ledger.query({ limit: 10, q: 'RUNAWAY' })).items).toHaveLength(1)
  })
}

test('sqlite: a text query of 3+ characters reads the trigram index, a shorter one scans', async () => {
  const t = await createTestDb('sqlite')
  opened.push(t)
  const plan = async (q: string) => {
    const compiled = pageQuery(t.db, { limit: 50, q }, true).compile()
    const rows = await t.db.executeQuery<{ detail: string }>({
      ...compiled,
      sql: `EXPLAIN QUERY PLAN ${compiled.sql}`,
    })
    return rows.rows.map((r) => r.detail).join(' | ')
  }
  expect(await plan('123456')).toContain('VIRTUAL TABLE INDEX')
  expect(await plan('12')).not.toContain('audit_entries_fts')
})

test('sqlite: the trigram index narrows only rare terms; common and short ones walk the (at, seq) index', async () => {
  const t = await createTestDb('sqlite')
  opened.push(t)
  const row = (seq: number, search: string) => ({
    seq,
    intent_id: `i${seq}`,
    at: '2026-01-01T00:00:00.000Z',
    actor: 'a',
    kind: 'k',
    action: 'x',
    target: 't',
    workload_id: 'w',
    search,
    settled: 0,
  })
  for (let i = 0; i < 2001; i += 500) {
    await t.db
      .insertInto('audit_entries')
      .values(
        Array.from({ length: Math.min(500, 2001 - i) }, (_, j) => row(i + j + 1, 'common word')),
      )
      .execute()
  }
  await t.db.insertInto('audit_entries').values(row(9999, 'rare word')).execute()
  expect(await sqliteTextIndexPays(t.db, 'COMMON')).toBe(false)
  expect(await sqliteTextIndexPays(t.db, 'rare')).toBe(true)
  expect(await sqliteTextIndexPays(t.db, 're')).toBe(false)
})

test('postgres: a text query uses the pg_trgm index', async () => {
  const t = await createTestDb('postgres')
  opened.push(t)
  // Without rows the planner would scan anyway; forbid sequential scans to see what it can use.
  const compiled = pageQuery(t.db, { limit: 50, q: '123456' }).compile()
  const plan = await t.db.connection().execute(async (conn) => {
    await conn.executeQuery({ ...compiled, sql: 'SET enable_seqscan = off', parameters: [] })
    await conn.executeQuery({ ...compiled, sql: 'SET enable_indexscan = off', parameters: [] })
    const rows = await conn.executeQuery<{ 'QUERY PLAN': string }>({
      ...compiled,
      sql: `EXPLAIN ${compiled.sql}`,
    })
    await conn.executeQuery({ ...compiled, sql: 'RESET ALL', parameters: [] })
    return rows.rows.map((r) => r['QUERY PLAN']).join('\n')
  })
  expect(plan).toContain('audit_entries_search_trgm')
})
