import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import { Migrator } from 'kysely/migration'
import type { BffConfig } from '../lib/config.js'
import type { Database } from './schema.js'
import type { DialectName } from './dialect.js'
import { migrationProvider } from './migrations/index.js'
import { BoundedSqliteDialect } from './sqlite-dialect.js'
import { registerRawHandle } from './raw-handles.js'

/** How long a write waits for a database locked by another writer, unless configured. */
export const DEFAULT_WRITE_TIMEOUT_MS = 2_000

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
  /** SQLite only: cap the file at this many pages (tests simulate a full disk with it). */
  sqliteMaxPageCount?: number
}

type DbConfig = Pick<BffConfig, 'database'> & { audit?: Pick<BffConfig['audit'], 'writeTimeoutMs'> }

/** Opens the configured database: PostgreSQL when `database.url` is set, otherwise a SQLite file. */
export function createDb(config: DbConfig, opts: CreateDbOptions = {}): DbHandle {
  const waitMs = config.audit?.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS
  if (config.database.url) {
    const settings = {
      connectionString: config.database.url,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    }
    // A server that never answers fails a checkout after this long instead of hanging it.
    const pool = new pg.Pool({ ...settings, max: 10, connectionTimeoutMillis: 10_000 })
    // An idle connection the server terminates (restart, failover) must not crash the process:
    // the pool drops it and the next checkout connects afresh.
    pool.on('error', () => undefined)
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    registerRawHandle(db, { pool })
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
  // busy_timeout 0: SQLite's busy handler would sleep inside the synchronous call and freeze the
  // event loop; a locked database is retried on a timer instead (sqlite-busy.ts).
  sqlite.pragma('journal_mode = WAL')
  const pragmas = [
    'synchronous = FULL',
    'foreign_keys = ON',
    'busy_timeout = 0',
    ...(opts.sqliteMaxPageCount ? [`max_page_count = ${opts.sqliteMaxPageCount}`] : []),
  ]
  for (const p of pragmas) sqlite.pragma(p)
  const db = new Kysely<Database>({ dialect: new BoundedSqliteDialect(sqlite, { waitMs }) })
  registerRawHandle(db, { sqlite, pragmas })
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
