import type BetterSqlite3 from 'better-sqlite3'
import type pg from 'pg'
import type { Kysely } from 'kysely'

/** The driver-level handle under a Kysely instance opened by `createDb`. */
export type RawHandle =
  /** `pragmas`: what a second connection to the same file must set to behave the same. */
  { sqlite: BetterSqlite3.Database; pragmas: readonly string[] } | { pool: pg.Pool }

const handles = new WeakMap<Kysely<never>, RawHandle>()

/**
 * Lets the audit ledger reach the connection under a Kysely instance (for its group commits with
 * prepared statements) while every other caller keeps passing just the Kysely instance.
 */
export function registerRawHandle<DB>(db: Kysely<DB>, raw: RawHandle): void {
  handles.set(db as unknown as Kysely<never>, raw)
}

export function rawHandleOf<DB>(db: Kysely<DB>): RawHandle {
  const raw = handles.get(db as unknown as Kysely<never>)
  if (!raw) throw new Error('this database was not opened by createDb')
  return raw
}
