import { statfs } from 'node:fs/promises'
import { dirname } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import {
  AUDIT_ENTRY_COLUMNS,
  AUDIT_LOG_COLUMNS,
  chainBatch,
  outcomeRefusal,
  type ChainHead,
  type ChainedPending,
  type LedgerStore,
  type PendingRow,
  type RowResult,
} from './batch.js'
import { HEAD_SQL, inThreadWriter, workerWriter, type SqliteWriter } from './sqlite-writer.js'

/** Readiness fails below this much free space on the database's file system. */
export const MIN_FREE_BYTES = 32 * 1024 * 1024
/** ... or when SQLite's size limit (max_page_count) leaves fewer pages than this. */
export const MIN_FREE_PAGES = 64

const insertSql = (table: string, cols: readonly string[]) =>
  `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`

const SQL = {
  entryAction: 'SELECT action FROM audit_entries WHERE intent_id = ?',
  insertLog: insertSql('audit_log', AUDIT_LOG_COLUMNS),
  insertEntry: insertSql('audit_entries', AUDIT_ENTRY_COLUMNS),
  patchEntry: `UPDATE audit_entries SET outcome = ?, last_outcome_seq = ?,
    settled = CASE WHEN ? = 1 THEN 1 ELSE settled END,
    final_state = coalesce(?, final_state), time_to_stop_ms = coalesce(?, time_to_stop_ms),
    http_status = coalesce(?, http_status), upstream_request_id = coalesce(?, upstream_request_id),
    search = search || ? WHERE intent_id = ?`,
  probe:
    'INSERT INTO ledger_probe (id, at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at',
} as const

/** The statements of one batch on top of `head`, and what each taken row resolves to. */
function statementsFor(
  rows: readonly PendingRow[],
  chained: readonly ChainedPending[],
  refused: ReadonlyMap<number, Error>,
  head: ChainHead | null,
  hmacKey: string | null,
) {
  const { log, inserts, patches } = chainBatch(head, chained, hmacKey)
  const statements: [string, unknown[]][] = []
  for (const l of log) statements.push([SQL.insertLog, AUDIT_LOG_COLUMNS.map((c) => l[c])])
  for (const e of inserts) statements.push([SQL.insertEntry, AUDIT_ENTRY_COLUMNS.map((c) => e[c])])
  for (const [intentId, p] of patches)
    statements.push([
      SQL.patchEntry,
      [
        ...[p.outcome, p.last_outcome_seq, p.settles ? 1 : 0, p.final_state, p.time_to_stop_ms],
        ...[p.http_status, p.upstream_request_id, p.search_suffix, intentId],
      ],
    ])
  for (const r of rows) if (r.type === 'probe') statements.push([SQL.probe, [r.id, r.at]])
  let next = 0
  const results: RowResult[] = rows.map((r, i) =>
    r.type === 'probe' ? null : (refused.get(i) ?? log[next++] ?? null),
  )
  const last = log.at(-1)
  return { statements, results, head: last ? { seq: last.seq, hash: last.hash } : head }
}

/**
 * The ledger's writes on SQLite. The batch is built here (chain, projection, MACs; outcomes of
 * unknown intents refused) and written by a writer: for a database file a worker thread with its
 * own connection, so neither lock waits nor the commit's fsync touch the event loop. The writer
 * commits only if the chain head is still the one the batch was built on; otherwise (another
 * process, e.g. the users CLI, appended) the batch is rebuilt on the new head.
 */
export function createSqliteStore(
  sqlite: BetterSqlite3.Database,
  pragmas: readonly string[],
  hmacKey: string | null,
): LedgerStore {
  const writer: SqliteWriter = sqlite.memory
    ? inThreadWriter(sqlite)
    : workerWriter(sqlite.name, pragmas)
  // Reads on the app's connection (WAL: they never wait for the writer); prepared on first use,
  // after the migrations.
  let reads: { entryAction: BetterSqlite3.Statement; head: BetterSqlite3.Statement } | null = null
  const read = () =>
    (reads ??= { entryAction: sqlite.prepare(SQL.entryAction), head: sqlite.prepare(HEAD_SQL) })
  let head: ChainHead | null | undefined

  return {
    async append(take, deadline) {
      const rows = take()
      const chained: ChainedPending[] = []
      const refused = new Map<number, Error>()
      const batchIntents = new Map<string, string>()
      rows.forEach((r, i) => {
        if (r.type === 'probe') return
        if (r.type !== 'outcome') batchIntents.set(r.id, String(r.body.action))
        else {
          // Intents are never deleted, so one committed before is visible here for good.
          const action =
            batchIntents.get(r.intentId) ??
            (read().entryAction.get(r.intentId) as { action: string } | undefined)?.action
          const no = outcomeRefusal(r.intentId, action)
          if (no) return refused.set(i, no)
        }
        chained.push(r)
      })
      for (;;) {
        head ??= (read().head.get() as ChainHead | undefined) ?? null
        const batch = statementsFor(rows, chained, refused, head, hmacKey)
        const reply = await writer
          .write({ expect: head, statements: batch.statements, deadline })
          .catch((err: unknown) => {
            head = undefined
            throw err
          })
        if (reply.ok) {
          head = batch.head
          return batch.results
        }
        head = reply.stale
      }
    },
    async headroomProblem() {
      const pragma = (name: string) => Number(sqlite.pragma(name, { simple: true }))
      const pagesLeft = pragma('max_page_count') - pragma('page_count') + pragma('freelist_count')
      if (pagesLeft < MIN_FREE_PAGES)
        return `the database is at its size limit (${pagesLeft} pages left)`
      if (sqlite.memory) return null
      const fs = await statfs(dirname(sqlite.name))
      const free = fs.bavail * fs.bsize
      if (free < MIN_FREE_BYTES)
        return `the disk holding the database has ${Math.round(free / 1024)} KiB free`
      return null
    },
    close: () => writer.close(),
  }
}
