import { randomUUID } from 'node:crypto'
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { expect, onTestFinished, test } from 'vitest'
import { rawHandleOf } from '../db/raw-handles.js'
import { manualClock } from '../lib/clock.js'
import { createTestDb, DIALECTS, type TestDbOptions } from '../testing/test-db.js'
import { intentInput, requestOutcome } from '../testing/audit-fixtures.js'
import type { LedgerStore, PendingRow } from './batch.js'
import { createGroupCommit } from './group-commit.js'
import { createLedger } from './ledger.js'
import { createPgStore } from './pg-store.js'
import { createSqliteStore } from './sqlite-store.js'
import { verifyChain } from './verify.js'

async function db(dialect: (typeof DIALECTS)[number], opts: TestDbOptions = {}) {
  const t = await createTestDb(dialect, opts)
  onTestFinished(() => t.close())
  return t
}

function storeOf(t: Awaited<ReturnType<typeof db>>): LedgerStore {
  const raw = rawHandleOf(t.db)
  const store =
    'sqlite' in raw
      ? createSqliteStore(raw.sqlite, raw.pragmas, null)
      : createPgStore(raw.pool, null, 2_000)
  onTestFinished(() => store.close())
  return store
}

/** The store, counting its transactions. */
function counted(store: LedgerStore) {
  const stats = { transactions: 0, rows: 0 }
  const wrapped: LedgerStore = {
    ...store,
    append: (take, deadline) =>
      store.append(() => {
        stats.transactions++
        const rows = take()
        stats.rows += rows.length
        return rows
      }, deadline),
  }
  return { stats, store: wrapped }
}

const intentRow = (workloadId: string): PendingRow => ({
  type: 'intent',
  id: randomUUID(),
  at: new Date().toISOString(),
  body: intentInput({ workloadId }),
})

for (const [label, dialect, opts] of [
  ['sqlite (memory)', 'sqlite', {}],
  ['sqlite (file, writer thread)', 'sqlite', { file: true }],
  ['postgres', 'postgres', {}],
] as const) {
  test(`${label}: 50 concurrent appends share a few transactions, each resolving once durable, one valid chain`, async () => {
    const t = await db(dialect, opts)
    const { stats, store } = counted(storeOf(t))
    const commits = createGroupCommit(store, () => undefined)
    const rows = Array.from({ length: 50 }, (_, i) => intentRow(`w${i}`))
    const other = t.file ? new SQLite(t.file, { readonly: true }) : null
    onTestFinished(() => {
      other?.close()
    })
    const committed = await Promise.all(
      rows.map(async (r) => {
        const row = await commits.append(r, 2_000)
        // Durable when resolved: another connection already reads it.
        if (other)
          expect(other.prepare('SELECT 1 FROM audit_log WHERE id = ?').get(r.id)).toBeTruthy()
        return row
      }),
    )
    expect(stats.rows).toBe(50)
    expect(stats.transactions).toBeLessThan(10)
    expect(
      committed.map((c) => (c && !(c instanceof Error) ? c.seq : 0)).sort((a, b) => a - b),
    ).toEqual(rows.map((_, i) => i + 1))
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, rows: 50 })
  })
}

for (const dialect of DIALECTS) {
  test(`${dialect}: a batch that fails after it was taken fails every waiter and commits none of it`, async () => {
    const t = await db(dialect)
    const real = storeOf(t)
    let failNext = true
    const flaky: LedgerStore = {
      ...real,
      append: (take, deadline) => {
        if (!failNext) return real.append(take, deadline)
        failNext = false
        take()
        return Promise.reject(new Error('disk I/O error'))
      },
    }
    const commits = createGroupCommit(flaky, () => undefined)
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((w) => commits.append(intentRow(w), 2_000)),
    )
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected'])
    expect(await commits.append(intentRow('d'), 2_000)).toMatchObject({ seq: 1 })
    expect(await verifyChain(t.db)).toMatchObject({ ok: true, rows: 1 })
  })

  test(`${dialect}: an outcome for an unknown intent is refused alone; the rest of its batch commits`, async () => {
    const t = await db(dialect)
    const ledger = createLedger(t.db, manualClock())
    onTestFinished(() => ledger.close())
    const intent = await ledger.recordIntent(intentInput())
    const [good, bad] = await Promise.allSettled([
      ledger.recordOutcome(requestOutcome(intent.id)),
      ledger.recordOutcome(requestOutcome('no-such-intent')),
    ])
    expect(good.status).toBe('fulfilled')
    expect(bad).toMatchObject({ status: 'rejected', reason: { code: 'AUDIT_UNAVAILABLE' } })
    const event = await ledger.recordEvent({
      action: 'auth.logout',
      actor: 'alice',
      role: 'operator',
      via: 'api',
      sourceIp: null,
      userAgent: null,
      requestId: 'r',
      outcome: 'success',
      subject: null,
      details: {},
    })
    // Account events take no outcomes either.
    await expect(ledger.recordOutcome(requestOutcome(event.id))).rejects.toMatchObject({
      code: 'AUDIT_UNAVAILABLE',
    })
    expect(await ledger.verify()).toMatchObject({ ok: true, rows: 3 })
  })
}

test('sqlite: while a transaction holds the shared connection, appends wait, and one past its deadline is never written', async () => {
  const t = await db('sqlite')
  const ledger = createLedger(t.db, manualClock(), { writeTimeoutMs: 150 })
  onTestFinished(() => ledger.close())
  let release = (): void => undefined
  const held = t.db.transaction().execute(async (trx) => {
    await sql`SELECT 1`.execute(trx)
    await new Promise<void>((resolve) => (release = resolve))
  })
  const late = ledger.recordIntent(intentInput({ workloadId: 'late' })).catch((e: unknown) => e)
  expect(await late).toMatchObject({ code: 'AUDIT_UNAVAILABLE' })
  release()
  await held
  const waiting = ledger.recordIntent(intentInput({ workloadId: 'after' }))
  await expect(waiting).resolves.toMatchObject({ workloadId: 'after' })
  const ids = await t.db.selectFrom('audit_entries').select('workload_id').execute()
  expect(ids.map((r) => r.workload_id)).toEqual(['after'])
})
