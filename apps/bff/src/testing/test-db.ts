import { randomBytes } from 'node:crypto'
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
}

/**
 * A fresh, migrated database: SQLite in memory, or a PostgreSQL schema of its own so test files
 * running in parallel never see each other's rows. `close()` drops the schema.
 */
export async function createTestDb(dialect: DialectName): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const handle = createDb({ database: { sqlitePath: ':memory:' } })
    await migrateToLatest(handle.db)
    return { ...handle, schema: null, url: null }
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
    async close() {
      await handle.close()
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await c.connect()
      await c.query(`DROP SCHEMA ${schema} CASCADE`)
      await c.end()
    },
  }
}
