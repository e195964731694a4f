import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { sql } from 'kysely'
import { createDb, migrateToLatest } from './create-db.js'
import { migrations } from './migrations/index.js'

test('the SQLite file database runs with WAL, synchronous=FULL and foreign keys on, and migrates idempotently', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ops-db-')), 'nested', 'ops.db')
  const handle = createDb({ database: { sqlitePath: path } })
  const pragma = async (name: string) =>
    (await sql.raw(`PRAGMA ${name}`).execute(handle.db)).rows[0]
  expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' })
  expect(await pragma('synchronous')).toEqual({ synchronous: 2 }) // 2 = FULL
  expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 })
  await migrateToLatest(handle.db)
  await migrateToLatest(handle.db)
  const applied = await sql<{
    name: string
  }>`SELECT name FROM kysely_migration ORDER BY name`.execute(handle.db)
  expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort())
  expect(handle.dialect).toBe('sqlite')
  await handle.close()
})
