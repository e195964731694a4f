import type { ReplicaView } from '../lib/replica-presence.js'
import type {
  AuditEntry,
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
  /** Hash of the last row: record it elsewhere to detect truncation of the tail later. */
  headHash?: string
}

/** The audit ledger: an append-only, hash-chained log of intents and outcomes. */
export interface AuditLedger {
  /**
   * Commits the intent before returning. Throws `AppError('AUDIT_UNAVAILABLE')` when it cannot be
   * written; the caller must then forward nothing upstream.
   */
  recordIntent(input: Omit<AuditIntent, 'id' | 'at'>): Promise<AuditIntent>
  /** Appends an outcome for an existing intent (request, watcher or reconciler). */
  recordOutcome(input: Omit<AuditOutcomeRecord, 'at'>): Promise<void>
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
  verify(): Promise<VerifyResult>
}
