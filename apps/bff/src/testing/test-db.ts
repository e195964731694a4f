import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { createDb, migrateToLatest, type DbHandle } from '../db/create-db.js'
import type { DialectName } from '../db/dialect.js'
import { testDatabaseUrl } from '../lib/env.js'

export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres']

export const TEST_DATABASE_URL = testDatabaseUrl()

export interface TestDb extends DbHandle {
  /** PostgreSQL schema of this database (null on SQLite). */
  schema: string | null
  url: string | null
  /** SQLite file (null: in memory, or PostgreSQL). */
  file: string | null
}

export interface TestDbOptions {
  /** SQLite: a file in a temporary directory instead of memory (other connections can open it). */
  file?: boolean
  /** SQLite file: the size cap that simulates a full disk (see createDb). */
  maxPageCount?: number
  /** How long a write waits for a lock held elsewhere (AUDIT_WRITE_TIMEOUT_MS). */
  writeTimeoutMs?: number
}

/**
 * A fresh, migrated database: SQLite in memory, or a PostgreSQL schema of its own so test files
 * running in parallel never see each other's rows. `close()` drops the schema.
 */
export async function createTestDb(
  dialect: DialectName,
  opts: TestDbOptions = {},
): Promise<TestDb> {
  if (dialect === 'sqlite' && (opts.file || opts.maxPageCount)) {
    const dir = mkdtempSync(join(tmpdir(), 'ops-test-db-'))
    const file = join(dir, 'ops-console.db')
    const handle = createDb(
      {
        database: { sqlitePath: file },
        ...(opts.writeTimeoutMs ? { audit: { writeTimeoutMs: opts.writeTimeoutMs } } : {}),
      },
      opts.maxPageCount ? { sqliteMaxPageCount: opts.maxPageCount } : {},
    )
    await migrateToLatest(handle.db)
    return {
      ...handle,
      schema: null,
      url: null,
      file,
      async close() {
        await handle.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  if (dialect === 'sqlite') {
    const handle = createDb({ database: { sqlitePath: ':memory:' } })
    await migrateToLatest(handle.db)
    return { ...handle, schema: null, url: null, file: null }
  }
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  await admin.end()
  const handle = createDb(
    { database: { url: TEST_DATABASE_URL, sqlitePath: ':memory:' } },
    { pgSchema: schema },
  )
  await migrateToLatest(handle.db, { pgSchema: schema })
  return {
    ...handle,
    schema,
    url: TEST_DATABASE_URL,
    file: null,
    async close() {
      await handle.close()
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await c.connect()
      await c.query(`DROP SCHEMA ${schema} CASCADE`)
      await c.end()
    },
  }
}
