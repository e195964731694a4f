import type { Kysely } from 'kysely'
import type {
  AuditEntry,
  AuditEvent,
  AuditIntent,
  AuditOutcomeRecord,
  AuditQuery,
  LastAction,
} from '@ops-console/contracts'
import type { Database } from '../db/schema.js'
import { AppError } from '../lib/errors.js'
import { sqliteTextIndexPays, withTextFilter } from './text-filter.js'
import { workloadKey, type WorkloadKey } from './types.js'
import { CSV_HEADER, csvRows } from './csv.js'

function encodeCursor(at: string, seq: number): string {
  return Buffer.from(JSON.stringify([at, seq])).toString('base64url')
}

function decodeCursor(cursor: string): [string, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1]))
      return [v[0], v[1] as number]
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_FAILED', 'invalid cursor', {
    fields: { cursor: 'invalid cursor' },
  })
}

const iso = (s: string) => new Date(s).toISOString()

function baseQuery(db: Kysely<Database>, q: AuditQuery, useFts: boolean) {
  let query = db
    .selectFrom('audit_entries as e')
    .innerJoin('audit_log as i', 'i.seq', 'e.seq')
    .leftJoin('audit_log as o', 'o.seq', 'e.last_outcome_seq')
    .select([
      'e.seq',
      'e.at',
      'e.final_state',
      'e.time_to_stop_ms',
      'e.http_status',
      'e.upstream_request_id',
      'i.id',
      'i.type',
      'i.body',
      'o.at as o_at',
      'o.body as o_body',
    ])
  // Account events are the entries without a workload kind (projection.ts).
  if (q.category === 'workload') query = query.where('e.kind', '!=', '')
  if (q.category === 'account') query = query.where('e.kind', '=', '')
  if (q.actor) query = query.where('e.actor', '=', q.actor)
  if (q.kind) query = query.where('e.kind', '=', q.kind)
  if (q.target) query = query.where('e.target', '=', q.target)
  if (q.workloadId) query = query.where('e.workload_id', '=', q.workloadId)
  if (q.action) query = query.where('e.action', '=', q.action)
  if (q.outcome === 'pending') query = query.where('e.outcome', 'is', null)
  else if (q.outcome) query = query.where('e.outcome', '=', q.outcome)
  if (q.from) query = query.where('e.at', '>=', iso(q.from))
  if (q.to) query = query.where('e.at', '<=', iso(q.to))
  if (q.q) query = withTextFilter(query, q.q, useFts)
  return query
}

type Row = {
  seq: number
  at: string
  final_state: string | null
  time_to_stop_ms: number | null
  http_status: number | null
  upstream_request_id: string | null
  id: string
  type: string
  body: string
  o_at: string | null
  o_body: string | null
}

const numOrNull = (v: number | null) => (v === null ? null : Number(v))

function toEntry(r: Row): AuditEntry {
  if (r.type === 'event')
    return {
      type: 'event',
      ...(JSON.parse(r.body) as Omit<AuditEvent, 'id' | 'at'>),
      id: r.id,
      at: r.at,
    }
  const intent = { ...(JSON.parse(r.body) as Omit<AuditIntent, 'id' | 'at'>), id: r.id, at: r.at }
  const outcome =
    r.o_body && r.o_at
      ? { ...(JSON.parse(r.o_body) as Omit<AuditOutcomeRecord, 'at'>), at: r.o_at }
      : null
  return {
    type: 'action',
    ...intent,
    outcome,
    finalState: r.final_state,
    timeToStopMs: numOrNull(r.time_to_stop_ms),
    httpStatus: numOrNull(r.http_status),
    upstreamRequestId: r.upstream_request_id,
  }
}

/**
 * The SQL of one page (exported so a test can check the query plan uses the indexes). `useFts`:
 * SQLite narrows `q` through its trigram index (see sqliteTextIndexPays).
 */
export function pageQuery(db: Kysely<Database>, q: AuditQuery, useFts = false) {
  let query = baseQuery(db, q, useFts)
  if (q.cursor) {
    const [at, seq] = decodeCursor(q.cursor)
    query = query.where((eb) =>
      eb.or([eb('e.at', '<', at), eb.and([eb('e.at', '=', at), eb('e.seq', '<', seq)])]),
    )
  }
  return query
    .orderBy('e.at', 'desc')
    .orderBy('e.seq', 'desc')
    .limit(q.limit + 1)
}

/** One page, newest first, keyset-paginated on (at, seq). */
export async function queryEntries(
  db: Kysely<Database>,
  q: AuditQuery,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const useFts = q.q ? await sqliteTextIndexPays(db, q.q) : false
  const rows = (await pageQuery(db, q, useFts).execute()) as Row[]
  const page = rows.slice(0, q.limit)
  const last = page.at(-1)
  return {
    items: page.map(toEntry),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.at, Number(last.seq)) : null,
  }
}

/**
 * Every matching entry (cursor/limit ignored) as text chunks, read 500 rows at a time so an export
 * of a large ledger never holds it in memory.
 */
export async function* exportChunks(
  db: Kysely<Database>,
  q: AuditQuery,
  format: 'csv' | 'json',
): AsyncGenerator<string> {
  let cursor: string | undefined
  let first = true
  for (;;) {
    // The first page is read before anything is yielded, so a dead database fails the request
    // before a 200 status has been sent.
    const page = await queryEntries(db, { ...q, limit: 500, cursor })
    const body =
      format === 'csv' ? csvRows(page.items) : page.items.map((e) => JSON.stringify(e)).join(',')
    const head = first
      ? format === 'csv'
        ? CSV_HEADER
        : '['
      : body && format === 'json'
        ? ','
        : ''
    yield head + body
    first = false
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  if (format === 'json') yield ']'
}

export async function openIntents(db: Kysely<Database>): Promise<AuditIntent[]> {
  const rows = await db
    .selectFrom('audit_entries as e')
    .innerJoin('audit_log as i', 'i.seq', 'e.seq')
    .select(['i.id', 'i.at', 'i.body'])
    .where('e.settled', '=', 0)
    .orderBy('e.seq')
    .execute()
  return rows.map((r) => ({
    ...(JSON.parse(r.body) as Omit<AuditIntent, 'id' | 'at'>),
    id: r.id,
    at: r.at,
  }))
}

const WORKLOAD_ACTIONS: Record<string, LastAction['action'] | undefined> = {
  'workload.stop': 'stop',
  'workload.delete': 'delete',
}

export async function lastActions(
  db: Kysely<Database>,
  refs: WorkloadKey[],
): Promise<Map<string, LastAction>> {
  const out = new Map<string, LastAction>()
  const wanted = new Set(refs.map(workloadKey))
  const ids = [...new Set(refs.map((r) => r.id))]
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('audit_entries as e')
      .innerJoin('audit_log as i', 'i.seq', 'e.seq')
      .select([
        'e.kind',
        'e.target',
        'e.workload_id',
        'e.action',
        'e.actor',
        'e.at',
        'e.outcome',
        'i.body',
      ])
      .where('e.workload_id', 'in', ids.slice(i, i + 500))
      .where('e.action', 'in', Object.keys(WORKLOAD_ACTIONS))
      .orderBy('e.seq', 'desc')
      .execute()
    for (const r of rows) {
      const key = `${r.kind}|${r.target}|${r.workload_id}`
      const action = WORKLOAD_ACTIONS[r.action]
      if (!action || !wanted.has(key) || out.has(key)) continue
      const { reason } = JSON.parse(r.body) as { reason: string }
      out.set(key, {
        action,
        actor: r.actor,
        at: r.at,
        reason,
        ...(r.outcome ? { outcome: r.outcome } : {}),
      })
    }
  }
  return out
}
