import type BetterSqlite3 from 'better-sqlite3'
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'
import { retryWhileBusy, type Sleep } from './sqlite-busy.js'

/** Prepared statements kept per connection (the app has a few dozen distinct queries). */
const STATEMENT_CACHE_SIZE = 500

export interface BoundedSqliteOptions {
  /** How long a statement may wait in total (queue + lock) before SQLITE_BUSY fails it. */
  waitMs: number
  sleep?: Sleep
}

class BoundedConnection implements DatabaseConnection {
  readonly #db: BetterSqlite3.Database
  readonly #statements = new Map<string, BetterSqlite3.Statement>()
  /** `performance.now()` instant until which a locked database is retried; set per acquisition. */
  deadline = 0

  constructor(
    db: BetterSqlite3.Database,
    private readonly sleep?: Sleep,
  ) {
    this.#db = db
  }

  /** better-sqlite3 prepares on every call otherwise; a statement is reusable once it has run. */
  #prepare(text: string): BetterSqlite3.Statement {
    const hit = this.#statements.get(text)
    if (hit) return hit
    const stmt = this.#db.prepare(text)
    this.#statements.set(text, stmt)
    if (this.#statements.size > STATEMENT_CACHE_SIZE)
      this.#statements.delete(this.#statements.keys().next().value as string)
    return stmt
  }

  #run(query: CompiledQuery): QueryResult<unknown> {
    const stmt = this.#prepare(query.sql)
    const params = query.parameters as unknown[]
    if (stmt.reader) return { rows: stmt.all(params) }
    const { changes, lastInsertRowid } = stmt.run(params)
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] }
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Inside a transaction the lock is already ours (BEGIN IMMEDIATE): a busy error there is the
    // caller's to handle, never a reason to re-run one statement of it.
    if (this.#db.inTransaction) return Promise.resolve(this.#run(query) as QueryResult<R>)
    return retryWhileBusy(() => this.#run(query), this.deadline, this.sleep) as Promise<
      QueryResult<R>
    >
  }

  // Not cached: a statement being iterated cannot run anything else meanwhile.
  streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const rows = this.#db.prepare(query.sql).iterate(query.parameters)
    return (async function* () {
      for (const row of rows) yield await Promise.resolve({ rows: [row as R] })
    })()
  }
}

/**
 * Kysely's better-sqlite3 driver with three changes: statements are prepared once and reused;
 * a locked database is retried on a timer (never SQLite's blocking busy handler) for at most
 * `waitMs` from the moment the query asked for the connection; and transactions start with
 * `BEGIN IMMEDIATE` (read-only ones `BEGIN`), so a writer takes the write lock up front instead
 * of failing half-way when another process wrote in between.
 */
class BoundedSqliteDriver implements Driver {
  readonly #connection: BoundedConnection
  readonly #db: BetterSqlite3.Database
  #queue: Promise<void> = Promise.resolve()
  #release: (() => void) | null = null

  constructor(
    db: BetterSqlite3.Database,
    private readonly opts: BoundedSqliteOptions,
  ) {
    this.#db = db
    this.#connection = new BoundedConnection(db, opts.sleep)
  }

  init(): Promise<void> {
    return Promise.resolve()
  }

  /** One connection, one holder at a time (Kysely's own mutex is off: see the adapter below). */
  async acquireConnection(): Promise<DatabaseConnection> {
    const askedAt = performance.now()
    const previous = this.#queue
    let release = (): void => undefined
    this.#queue = new Promise<void>((resolve) => (release = resolve))
    await previous
    this.#release = release
    this.#connection.deadline = askedAt + this.opts.waitMs
    return this.#connection
  }

  releaseConnection(): Promise<void> {
    const release = this.#release
    this.#release = null
    release?.()
    return Promise.resolve()
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const begin = settings.accessMode === 'read only' ? 'begin' : 'begin immediate'
    await conn.executeQuery(CompiledQuery.raw(begin))
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'))
  }

  destroy(): Promise<void> {
    this.#db.close()
    return Promise.resolve()
  }
}

class BoundedSqliteAdapter extends SqliteAdapter {
  // The driver serialises access itself, knowing when each query asked (for its deadline).
  override get supportsMultipleConnections(): boolean {
    return true
  }
}

/** The SQLite dialect of this app (see BoundedSqliteDriver). */
export class BoundedSqliteDialect extends SqliteDialect {
  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly opts: BoundedSqliteOptions,
  ) {
    super({ database: db })
  }
  override createDriver(): Driver {
    return new BoundedSqliteDriver(this.db, this.opts)
  }
  override createAdapter(): SqliteAdapter {
    return new BoundedSqliteAdapter()
  }
}
