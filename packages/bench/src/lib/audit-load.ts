import SQLite from 'better-sqlite3'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { AuditBatch } from './audit-rows.js'

const LOG_COLS = ['seq', 'id', 'type', 'intent_id', 'at', 'body', 'prev_hash', 'hash'] as const
const ENTRY_COLS = ['seq', 'intent_id', 'at', 'actor', 'kind', 'action', 'target', 'workload_id', 'search', 'outcome', 'settled', 'final_state', 'time_to_stop_ms', 'last_outcome_seq'] as const

/**
 * Bulk loaders into an already-migrated database. The usual bulk-load technique: the migrations'
 * secondary indexes are dropped first and re-created afterwards from their own DDL (read back
 * from the catalog), so the final schema is exactly what the migrations made. Constraint indexes
 * (primary keys, UNIQUE) stay in place during the load.
 */
export function sqliteLoader(path: string) {
  const db = new SQLite(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF') // loading only; the BFF reopens the file with its own pragmas
  db.pragma('cache_size = -262144')
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('audit_log', 'audit_entries')`)
    .all() as { name: string; sql: string }[]
  for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`)
  const insLog = db.prepare(`INSERT INTO audit_log (${LOG_COLS.join(',')}) VALUES (${LOG_COLS.map((c) => `@${c}`).join(',')})`)
  const insEntry = db.prepare(`INSERT INTO audit_entries (${ENTRY_COLS.join(',')}) VALUES (${ENTRY_COLS.map((c) => `@${c}`).join(',')})`)
  const load = db.transaction((b: AuditBatch) => {
    for (const r of b.log) insLog.run(r)
    for (const r of b.entries) insEntry.run(r)
  })
  return {
    write: (b: AuditBatch) => load(b),
    close() {
      for (const ix of indexes) db.exec(ix.sql)
      db.close()
    },
  }
}

/** One value in COPY's text format. */
function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N'
  return String(v).replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'))
}

function copyText(rows: readonly object[], cols: readonly string[]): string {
  return rows.map((r) => cols.map((c) => copyValue((r as Record<string, string | number | null>)[c])).join('\t')).join('\n') + '\n'
}

/** PostgreSQL: `COPY … FROM STDIN` per table and batch. */
export async function pgLoader(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('SET synchronous_commit = off')
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid
      WHERE c.oid IS NULL AND i.indrelid IN ('audit_log'::regclass, 'audit_entries'::regclass)`,
  )
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`)
  const copy = (table: string, cols: readonly string[], rows: readonly object[]) =>
    pipeline(Readable.from([copyText(rows, cols)]), client.query(copyFrom(`COPY ${table} (${cols.join(',')}) FROM STDIN`)))
  return {
    async write(b: AuditBatch) {
      await client.query('BEGIN')
      await copy('audit_log', LOG_COLS, b.log)
      await copy('audit_entries', ENTRY_COLS, b.entries)
      await client.query('COMMIT')
    },
    async close() {
      for (const ix of indexes) await client.query(ix.def)
      await client.query('ANALYZE audit_log; ANALYZE audit_entries')
      await client.end()
    },
  }
}
