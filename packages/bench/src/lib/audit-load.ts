import SQLite from 'better-sqlite3'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { AUDIT_ENTRY_COLUMNS, AUDIT_LOG_COLUMNS } from '@ops-console/bff/src/audit/batch.js'
import type { AuditBatch } from './audit-rows.js'

const LOG_COLS = AUDIT_LOG_COLUMNS
const ENTRY_COLS = AUDIT_ENTRY_COLUMNS

/**
 * Bulk loaders into an already-migrated database. The usual bulk-load technique: the migrations'
 * secondary indexes are dropped first and re-created afterwards from their own DDL (read back
 * from the catalog), so the final schema is exactly what the migrations made. On PostgreSQL the
 * UNIQUE constraints are dropped and re-added the same way; SQLite keeps them (inline UNIQUE
 * cannot be dropped) and primary keys stay everywhere.
 */
export function sqliteLoader(path: string) {
  const db = new SQLite(path)
  // Loading only (no journal, no fsync, 1 GB page cache); the BFF reopens the file with its own pragmas.
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -1048576')
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('audit_log', 'audit_entries')`,
    )
    .all() as { name: string; sql: string }[]
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`)
  const insLog = db.prepare(
    `INSERT INTO audit_log (${LOG_COLS.join(',')}) VALUES (${LOG_COLS.map((c) => `@${c}`).join(',')})`,
  )
  const insEntry = db.prepare(
    `INSERT INTO audit_entries (${ENTRY_COLS.join(',')}) VALUES (${ENTRY_COLS.map((c) => `@${c}`).join(',')})`,
  )
  const load = db.transaction((b: AuditBatch) => {
    for (const r of b.log) insLog.run(r)
    for (const r of b.entries) insEntry.run(r)
  })
  return {
    write: (b: AuditBatch) => load(b),
    close() {
      for (const ix of indexes) db.exec(ix.sql)
      db.pragma('journal_mode = WAL')
      db.close()
    },
  }
}

/** One value in COPY's text format. */
function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N'
  return String(v).replace(/[\\\t\n\r]/g, (ch) =>
    ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
  )
}

function copyText(rows: readonly object[], cols: readonly string[]): string {
  return (
    rows
      .map((r) =>
        cols.map((c) => copyValue((r as Record<string, string | number | null>)[c])).join('\t'),
      )
      .join('\n') + '\n'
  )
}

/** PostgreSQL: `COPY … FROM STDIN` per table and batch. */
export async function pgLoader(url: string) {
  const client = new pg.Client({ connectionString: url })
  client.on('error', () => undefined) // a killed connection fails the running query instead of the process
  await client.connect()
  await client.query('SET synchronous_commit = off')
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid
      WHERE c.oid IS NULL AND i.indrelid IN ('audit_log'::regclass, 'audit_entries'::regclass)`,
  )
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`)
  // UNIQUE constraints on random keys (prev_hash) make row-by-row index upkeep the bottleneck.
  const { rows: uniques } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'u' AND conrelid IN ('audit_log'::regclass, 'audit_entries'::regclass)`,
  )
  for (const u of uniques) await client.query(`ALTER TABLE ${u.tbl} DROP CONSTRAINT ${u.name}`)
  const copy = (table: string, cols: readonly string[], rows: readonly object[]) =>
    pipeline(
      Readable.from([copyText(rows, cols)]),
      client.query(copyFrom(`COPY ${table} (${cols.join(',')}) FROM STDIN`)),
    )
  return {
    async write(b: AuditBatch) {
      await client.query('BEGIN')
      await copy('audit_log', LOG_COLS, b.log)
      await copy('audit_entries', ENTRY_COLS, b.entries)
      await client.query('COMMIT')
    },
    async close() {
      for (const u of uniques)
        await client.query(`ALTER TABLE ${u.tbl} ADD CONSTRAINT ${u.name} ${u.def}`)
      for (const ix of indexes) await client.query(ix.def)
      await client.query('ANALYZE audit_log; ANALYZE audit_entries')
      await client.end()
    },
  }
}
