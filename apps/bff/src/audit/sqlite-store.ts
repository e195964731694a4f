import { statfs } from 'node:fs/promises'
import { dirname } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { retryWhileBusy, type Sleep } from '../db/sqlite-busy.js'
import { DatabaseBusyError } from '../db/sqlite-busy.js'
import {
  LedgerBusyError,
  chainBatch,
  outcomeRefusal,
  type ChainHead,
  type ChainedPending,
  type LedgerStore,
  type PendingRow,
  type RowResult,
} from './batch.js'

/** Readiness fails below this much free space on the database's file system. */
export const MIN_FREE_BYTES = 32 * 1024 * 1024
/** ... or when SQLite's own size limit (max_page_count) leaves fewer pages than this. */
export const MIN_FREE_PAGES = 64

const SQL = {
  begin: 'BEGIN IMMEDIATE',
  commit: 'COMMIT',
  rollback: 'ROLLBACK',
  head: 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  entryAction: 'SELECT action FROM audit_entries WHERE intent_id = ?',
  insertLog:
    'INSERT INTO audit_log (seq, id, type, intent_id, at, body, prev_hash, hash, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  insertEntry: `INSERT INTO audit_entries (seq, intent_id, at, actor, kind, action, target, workload_id, search,
    outcome, settled, final_state, time_to_stop_ms, last_outcome_seq, http_status, upstream_request_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  patchEntry: `UPDATE audit_entries SET outcome = ?, last_outcome_seq = ?,
    settled = CASE WHEN ? = 1 THEN 1 ELSE settled END,
    final_state = coalesce(?, final_state), time_to_stop_ms = coalesce(?, time_to_stop_ms),
    http_status = coalesce(?, http_status), upstream_request_id = coalesce(?, upstream_request_id),
    search = search || ? WHERE intent_id = ?`,
  probe:
    'INSERT INTO ledger_probe (id, at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at',
} as const

/** Marks a failure after the batch was taken, so the busy retry never re-runs it. */
class BatchFailed extends Error {}

/** A Kysely transaction is open on the shared connection (across awaits): wait like for a lock. */
const ownConnectionBusy = () =>
  Object.assign(new Error('connection in use'), { code: 'SQLITE_BUSY' })

/**
 * The ledger's writes on SQLite: one synchronous burst per batch on the app's connection
 * (BEGIN IMMEDIATE … COMMIT with no await in between, so no other query can interleave), with
 * statements prepared once. A locked database is retried on a timer until the deadline.
 */
export function createSqliteStore(
  sqlite: BetterSqlite3.Database,
  hmacKey: string | null,
  sleep?: Sleep,
): LedgerStore {
  let prepared: Record<keyof typeof SQL, BetterSqlite3.Statement> | null = null
  const st = () =>
    (prepared ??= Object.fromEntries(
      Object.entries(SQL).map(([k, text]) => [k, sqlite.prepare(text)]),
    ) as Record<keyof typeof SQL, BetterSqlite3.Statement>)

  function writeTaken(rows: PendingRow[]): RowResult[] {
    const s = st()
    const chained: ChainedPending[] = []
    const refusedOrProbe = new Map<number, RowResult>()
    const batchIntents = new Map<string, string>()
    rows.forEach((r, i) => {
      if (r.type === 'probe') {
        s.probe.run(r.id, r.at)
        refusedOrProbe.set(i, null)
        return
      }
      if (r.type === 'outcome') {
        const known = batchIntents.get(r.intentId)
        const action =
          known ?? (s.entryAction.get(r.intentId) as { action: string } | undefined)?.action
        const refused = outcomeRefusal(r.intentId, action)
        if (refused) {
          refusedOrProbe.set(i, refused)
          return
        }
      } else batchIntents.set(r.id, String(r.body.action))
      chained.push(r)
    })
    const head = s.head.get() as ChainHead | undefined
    const { log, inserts, patches } = chainBatch(head ?? null, chained, hmacKey)
    for (const l of log)
      s.insertLog.run(l.seq, l.id, l.type, l.intent_id, l.at, l.body, l.prev_hash, l.hash, l.mac)
    for (const e of inserts)
      s.insertEntry.run(
        e.seq,
        e.intent_id,
        e.at,
        e.actor,
        e.kind,
        e.action,
        e.target,
        e.workload_id,
        e.search,
        e.outcome,
        e.settled,
        e.final_state,
        e.time_to_stop_ms,
        e.last_outcome_seq,
        e.http_status,
        e.upstream_request_id,
      )
    for (const [intentId, p] of patches)
      s.patchEntry.run(
        p.outcome,
        p.last_outcome_seq,
        p.settles ? 1 : 0,
        p.final_state,
        p.time_to_stop_ms,
        p.http_status,
        p.upstream_request_id,
        p.search_suffix,
        intentId,
      )
    let next = 0
    return rows.map((_, i) => (refusedOrProbe.has(i) ? refusedOrProbe.get(i)! : log[next++]!))
  }

  return {
    async append(take, deadline) {
      try {
        return await retryWhileBusy(
          () => {
            if (sqlite.inTransaction) throw ownConnectionBusy()
            const s = st()
            s.begin.run()
            try {
              const results = writeTaken(take())
              s.commit.run()
              return results
            } catch (err) {
              if (sqlite.inTransaction) s.rollback.run()
              throw new BatchFailed('the audit batch could not be written', { cause: err })
            }
          },
          deadline,
          sleep,
        )
      } catch (err) {
        if (err instanceof DatabaseBusyError) throw new LedgerBusyError(err.message, { cause: err })
        throw err instanceof BatchFailed ? err.cause : err
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
  }
}
