import type { AuditEntriesTable, AuditLogTable } from '../db/schema.js'
import { GENESIS_HASH, canonicalJson, rowHash, rowMac } from './hash-chain.js'
import {
  applyPatch,
  eventEntry,
  intentEntry,
  mergePatches,
  outcomePatch,
  type OutcomePatch,
} from './projection.js'

/** Column order of the writers' INSERTs (both dialects) and of bulk loaders. */
export const AUDIT_LOG_COLUMNS = [
  'seq',
  'id',
  'type',
  'intent_id',
  'at',
  'body',
  'prev_hash',
  'hash',
  'mac',
] as const satisfies readonly (keyof AuditLogTable)[]
export const AUDIT_ENTRY_COLUMNS = [
  'seq',
  'intent_id',
  'at',
  'actor',
  'kind',
  'action',
  'target',
  'workload_id',
  'search',
  'outcome',
  'settled',
  'final_state',
  'time_to_stop_ms',
  'last_outcome_seq',
  'http_status',
  'upstream_request_id',
] as const satisfies readonly (keyof AuditEntriesTable)[]

/** One append waiting for a group commit; `probe` writes only the readiness row. */
export type PendingRow =
  | { type: 'intent' | 'event'; id: string; at: string; body: Record<string, unknown> }
  | { type: 'outcome'; id: string; intentId: string; at: string; body: Record<string, unknown> }
  | { type: 'probe'; id: string; at: string }

export type ChainedPending = Exclude<PendingRow, { type: 'probe' }>

export interface ChainHead {
  seq: number
  hash: string
}

/** Thrown by a store when the chain head stayed locked until the deadline (nothing was written). */
export class LedgerBusyError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'LedgerBusyError'
  }
}

/** Per taken row: the committed chain row, `null` for a probe, or why this one row was refused. */
export type RowResult = AuditLogTable | null | Error

export interface LedgerStore {
  /**
   * One write transaction: waits for the chain head until `deadline` (a `performance.now()`
   * instant; LedgerBusyError if it stays locked), then calls `take` for the rows to append and
   * commits them together. Returns one result per taken row, in order. A throw after `take`
   * means nothing of the batch was committed.
   */
  append(take: () => PendingRow[], deadline: number): Promise<RowResult[]>
  /** What would keep appends from succeeding soon although a probe commits (disk headroom). */
  headroomProblem(): Promise<string | null>
  close(): Promise<void>
}

/** Intent actions an outcome may refer to (account events take none). */
const HAS_OUTCOMES = /^(workload|script)\./

/** Whether an outcome row may be appended for the entry with this action (undefined: no entry). */
export function outcomeRefusal(intentId: string, action: string | undefined): Error | null {
  if (action === undefined) return new Error(`no audit intent ${intentId}`)
  if (!HAS_OUTCOMES.test(action)) return new Error(`audit entry ${intentId} takes no outcomes`)
  return null
}

/**
 * The batch as chain rows after `head`, plus the audit_entries inserts and the patches for
 * entries written earlier. An outcome of an intent in the same batch goes into that insert, so
 * inserts and patches never touch the same entry (PostgreSQL writes them in one statement).
 */
export function chainBatch(
  head: ChainHead | null,
  rows: readonly ChainedPending[],
  hmacKey: string | null,
): {
  log: AuditLogTable[]
  inserts: AuditEntriesTable[]
  patches: Map<string, OutcomePatch>
} {
  let seq = head?.seq ?? 0
  let prev = head?.hash ?? GENESIS_HASH
  const log: AuditLogTable[] = []
  const inserts: AuditEntriesTable[] = []
  const patches = new Map<string, OutcomePatch>()
  const inserted = new Map<string, number>()
  for (const r of rows) {
    seq += 1
    const fields = {
      seq,
      id: r.id,
      type: r.type,
      intent_id: r.type === 'outcome' ? r.intentId : r.id,
      at: r.at,
      body: canonicalJson(r.body),
      prev_hash: prev,
    }
    const hash = rowHash(fields)
    log.push({ ...fields, hash, mac: hmacKey ? rowMac(hmacKey, hash) : null })
    prev = hash
    if (r.type !== 'outcome') {
      inserted.set(r.id, inserts.length)
      inserts.push((r.type === 'intent' ? intentEntry : eventEntry)(seq, r.id, r.at, r.body))
      continue
    }
    const patch = outcomePatch(seq, r.body)
    const at = inserted.get(r.intentId)
    const entry = at === undefined ? undefined : inserts[at]
    if (at !== undefined && entry) inserts[at] = applyPatch(entry, patch)
    else {
      const before = patches.get(r.intentId)
      patches.set(r.intentId, before ? mergePatches(before, patch) : patch)
    }
  }
  return { log, inserts, patches }
}
