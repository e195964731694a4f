import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import type { BffConfig } from '../lib/config.js'
import type { Database } from './schema.js'
import type { DialectName } from './dialect.js'
import { migrationProvider } from './migrations/index.js'

export interface DbHandle {
  db: Kysely<Database>
  dialect: DialectName
  close(): Promise<void>
  /**
   * PostgreSQL only: a new client outside the pool with the same settings (unconnected), for
   * session-level advisory locks that must live exactly as long as one connection.
   */
  newClient?: () => pg.Client
}

export interface CreateDbOptions {
  /** PostgreSQL only: run every connection with this `search_path` (tests isolate a file per schema). */
  pgSchema?: string
}

/** Opens the configured database: PostgreSQL when `database.url` is set, otherwise a SQLite file. */
export function createDb(
  config: Pick<BffConfig, 'database'>,
  opts: CreateDbOptions = {},
): DbHandle {
  if (config.database.url) {
    const settings = {
      connectionString: config.database.url,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    }
    const pool = new pg.Pool({ ...settings, max: 10 })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return {
      db,
      dialect: 'postgres',
      close: () => db.destroy(),
      newClient: () => new pg.Client(settings),
    }
  }
  const path = config.database.sqlitePath
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  // WAL for concurrent readers, FULL so a committed audit row survives power loss, FKs on.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

/** Applies all pending migrations; throws with the failing migration's error. */
export async function migrateToLatest(
  db: Kysely<Database>,
  opts: { pgSchema?: string } = {},
): Promise<void> {
  // Kysely looks its bookkeeping tables up across all schemas; pin them to ours on PostgreSQL.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(opts.pgSchema ? { migrationTableSchema: opts.pgSchema } : {}),
  })
  const { error, results } = await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed`, { cause: error })
  }
}
