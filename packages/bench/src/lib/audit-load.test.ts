import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, expect, test } from 'vitest'
import { createLedger } from '@ops-console/bff/src/audit/ledger.js'
import { createDb, migrateToLatest } from '@ops-console/bff/src/db/create-db.js'
import { manualClock } from '@ops-console/bff/src/lib/clock.js'
import { sqliteLoader } from './audit-load.js'
import { auditBatches } from './audit-rows.js'

const dir = mkdtempSync(join(tmpdir(), 'bench-audit-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const indexNames = (path: string): string[] => {
  const db = new SQLite(path, { readonly: true })
  const rows = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name`)
    .all() as { name: string }[]
  db.close()
  return rows.map((r) => r.name)
}

// The bulk-loaded ledger must be one the BFF itself accepts: a valid hash chain, the same
// indexes as the migrations made, and entries the audit query reads back with their outcomes.
test('bulk-loaded rows form a valid chain that the BFF ledger verifies and queries', async () => {
  const path = join(dir, 'audit.db')
  const handle = createDb({ database: { sqlitePath: path } })
  await migrateToLatest(handle.db)
  await handle.close()
  const before = indexNames(path)

  const loader = sqliteLoader(path)
  for (const batch of auditBatches(250, 100)) loader.write(batch)
  loader.close()
  expect(indexNames(path)).toEqual(before)

  const reopened = createDb({ database: { sqlitePath: path } })
  try {
    const ledger = createLedger(reopened.db, manualClock())
    const verdict = await ledger.verify()
    // 250 intents, of which every 20th (13) has no outcome row yet.
    expect(verdict.problem).toBeUndefined()
    expect(verdict).toMatchObject({ ok: true, rows: 250 + 250 - 13 })
    const page = await ledger.query({ limit: 10 })
    expect(page.items).toHaveLength(10)
    expect(page.nextCursor).not.toBeNull()
    const pending = await ledger.query({ limit: 50, outcome: 'pending' })
    expect(pending.items.length).toBe(13)
    expect(pending.items.every((e) => e.outcome === null)).toBe(true)
  } finally {
    await reopened.close()
  }
})
