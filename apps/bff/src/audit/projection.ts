import type { AuditEntriesTable } from '../db/schema.js'

/**
 * The one definition of how chain rows become audit_entries rows. The writers apply it when they
 * append and `verify` recomputes it from the chain alone, so both always agree. Bodies are read
 * loosely (verify sees whatever the database holds).
 */
type Body = Record<string, unknown>

const str = (b: Body, k: string): string => (typeof b[k] === 'string' ? b[k] : '')
const strOrNull = (b: Body, k: string): string | null => (typeof b[k] === 'string' ? b[k] : null)
const numOrNull = (b: Body, k: string): number | null =>
  typeof b[k] === 'number' && Number.isFinite(b[k]) ? b[k] : null

const searchOf = (parts: readonly string[]): string => parts.join('\n').toLowerCase()

const EMPTY = {
  outcome: null,
  settled: 0,
  final_state: null,
  time_to_stop_ms: null,
  last_outcome_seq: null,
  http_status: null,
  upstream_request_id: null,
} as const

/** A workload intent: pending until its first request/reconciler outcome. */
export function intentEntry(seq: number, id: string, at: string, b: Body): AuditEntriesTable {
  return {
    ...EMPTY,
    seq,
    intent_id: id,
    at,
    actor: str(b, 'actor'),
    kind: str(b, 'kind'),
    action: str(b, 'action'),
    target: str(b, 'target'),
    workload_id: str(b, 'workloadId'),
    search: searchOf([
      str(b, 'actor'),
      str(b, 'target'),
      str(b, 'workloadId'),
      str(b, 'workloadName'),
      str(b, 'reason'),
      str(b, 'kind'),
      str(b, 'requestId'),
    ]),
  }
}

/** An account event: complete (settled, with its outcome) when written; no workload. */
export function eventEntry(seq: number, id: string, at: string, b: Body): AuditEntriesTable {
  const details = b.details && typeof b.details === 'object' ? (b.details as Body) : {}
  const detailText = Object.keys(details)
    .sort()
    .map((k) => (typeof details[k] === 'string' ? details[k] : ''))
    .filter(Boolean)
  return {
    ...EMPTY,
    seq,
    intent_id: id,
    at,
    actor: str(b, 'actor'),
    kind: '',
    action: str(b, 'action'),
    target: '',
    workload_id: '',
    search: searchOf([
      str(b, 'actor'),
      str(b, 'action'),
      str(b, 'subject'),
      str(b, 'requestId'),
      ...detailText,
    ]),
    outcome: strOrNull(b, 'outcome'),
    settled: 1,
  }
}

/** What one or more outcome rows (in seq order) change on their intent's entry. */
export interface OutcomePatch {
  outcome: string | null
  last_outcome_seq: number
  settles: boolean
  /** Null: leave the entry's value as it is (only non-null values replace). */
  final_state: string | null
  time_to_stop_ms: number | null
  http_status: number | null
  upstream_request_id: string | null
  /** Appended to `search`: the cloud request ids, so text search finds them. */
  search_suffix: string
}

export function outcomePatch(seq: number, b: Body): OutcomePatch {
  const upstream = strOrNull(b, 'upstreamRequestId')
  return {
    outcome: strOrNull(b, 'outcome'),
    last_outcome_seq: seq,
    settles: b.source !== 'watcher',
    final_state: strOrNull(b, 'finalState'),
    time_to_stop_ms: numOrNull(b, 'timeToStopMs'),
    http_status: numOrNull(b, 'httpStatus'),
    upstream_request_id: upstream,
    search_suffix: upstream ? `\n${upstream.toLowerCase()}` : '',
  }
}

/** `later` applied after `earlier`: one patch for several outcomes of one intent in one batch. */
export function mergePatches(earlier: OutcomePatch, later: OutcomePatch): OutcomePatch {
  return {
    outcome: later.outcome,
    last_outcome_seq: later.last_outcome_seq,
    settles: earlier.settles || later.settles,
    final_state: later.final_state ?? earlier.final_state,
    time_to_stop_ms: later.time_to_stop_ms ?? earlier.time_to_stop_ms,
    http_status: later.http_status ?? earlier.http_status,
    upstream_request_id: later.upstream_request_id ?? earlier.upstream_request_id,
    search_suffix: earlier.search_suffix + later.search_suffix,
  }
}

/** The entry after `patch` (what the writers' UPDATE does, for verify). */
export function applyPatch(e: AuditEntriesTable, p: OutcomePatch): AuditEntriesTable {
  return {
    ...e,
    outcome: p.outcome,
    last_outcome_seq: p.last_outcome_seq,
    settled: p.settles ? 1 : e.settled,
    final_state: p.final_state ?? e.final_state,
    time_to_stop_ms: p.time_to_stop_ms ?? e.time_to_stop_ms,
    http_status: p.http_status ?? e.http_status,
    upstream_request_id: p.upstream_request_id ?? e.upstream_request_id,
    search: e.search + p.search_suffix,
  }
}
