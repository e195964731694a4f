import type { ReplicaView } from '../lib/replica-presence.js'
import type { Checkpoint } from './checkpoints.js'
import type {
  AuditEntry,
  AuditEvent,
  AuditIntent,
  AuditOutcomeRecord,
  AuditQuery,
  LastAction,
  WorkloadKind,
} from '@ops-console/contracts'

export interface WorkloadKey {
  kind: WorkloadKind
  target: string
  id: string
}

/** `${kind}|${target}|${id}` — the key of `AuditLedger.lastActions`. */
export function workloadKey(ref: WorkloadKey): string {
  return `${ref.kind}|${ref.target}|${ref.id}`
}

export interface VerifyResult {
  ok: boolean
  rows: number
  firstBadSeq?: number
  problem?: string
  /** Hash of the last row (checkpoint files record it outside the database). */
  headHash?: string
  /** Rows whose MAC was checked (0 without AUDIT_HMAC_KEY). */
  authenticatedRows?: number
  /** Checkpoints (from files outside the database) the chain was compared with. */
  checkpointsChecked?: number
  warnings?: string[]
}

export type ProbeResult = { ok: true } | { ok: false; problem: string }

/**
 * The audit ledger: an append-only, hash-chained log of workload intents, their outcomes and
 * account events. Appends are group-committed (many callers, one transaction) and each resolves
 * only once its row is durable; every append waits at most `audit.writeTimeoutMs`.
 * Never await an append inside a database transaction of your own: the ledger's transaction
 * needs the write lock yours holds (SQLite), so the append would time out.
 */
export interface AuditLedger {
  /**
   * Commits the intent before returning. Throws `AppError('AUDIT_UNAVAILABLE')` when it cannot be
   * written in time; the caller must then forward nothing upstream.
   */
  recordIntent(input: Omit<AuditIntent, 'id' | 'at'>): Promise<AuditIntent>
  /** Appends an outcome for an existing intent (request, watcher or reconciler). */
  recordOutcome(input: Omit<AuditOutcomeRecord, 'at'>): Promise<void>
  /** Appends an account event (sign-in, lockout, user administration …); AUDIT_UNAVAILABLE when it cannot. */
  recordEvent(input: Omit<AuditEvent, 'id' | 'at'>): Promise<AuditEvent>
  /** Intents that have no outcome from the request or the reconciler yet (to reconcile at start-up). */
  openIntents(): Promise<AuditIntent[]>
  /**
   * The replica this ledger writes for (absent: single process, tests). The reconciler uses it to
   * skip intents live replicas still own and to run alone across replicas.
   */
  replica?: ReplicaView
  /** The latest audited action per workload. */
  lastActions(refs: WorkloadKey[]): Promise<Map<string, LastAction>>
  query(q: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }>
  /** All matching entries (filters of `q`, cursor/limit ignored), newest first, as text chunks. */
  export(q: AuditQuery, format: 'csv' | 'json'): AsyncIterable<string>
  /** Walks the chain (with this ledger's MAC key) and compares it with `checkpoints`. */
  verify(opts?: { checkpoints?: readonly Checkpoint[] }): Promise<VerifyResult>
  /** Readiness: a durable write through the group commit within `timeoutMs`, and disk headroom. */
  probe(timeoutMs: number): Promise<ProbeResult>
  /** Waits for queued appends, then writes the last checkpoint (shutdown). */
  close(): Promise<void>
}
