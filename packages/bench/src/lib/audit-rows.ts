import { WORKLOAD_KINDS } from '@ops-console/contracts'
import { GENESIS_HASH, canonicalJson, rowHash } from '@ops-console/bff/src/audit/hash-chain.js'
import type { AuditEntriesTable, AuditLogTable } from '@ops-console/bff/src/db/schema.js'

export const ACTORS = Array.from({ length: 40 }, (_, i) => `user${String(i + 1).padStart(2, '0')}`)
const ACTIONS = [
  'workload.stop',
  'workload.stop',
  'workload.stop',
  'workload.delete',
  'script.execute',
] as const
const OUTCOMES = [
  'success',
  'success',
  'success',
  'success',
  'success',
  'success',
  'failure',
  'unknown',
] as const
const TARGETS = ['cn-north-4', 'ap-southeast-3']
const START = Date.parse('2024-01-01T00:00:00Z')
/** One intent every 30 s: 1M rows span about a year. */
export const STEP_MS = 30_000

/** Small deterministic PRNG (mulberry32) so every run loads the same ledger. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** UUID-shaped ids from a counter: unique, and cheap to make a million of. */
const uuidOf = (n: number, variant: string): string =>
  `00000000-0000-4000-${variant}-${n.toString(16).padStart(12, '0')}`

export interface AuditBatch {
  log: AuditLogTable[]
  entries: AuditEntriesTable[]
}

/**
 * Generates `total` audit entries in batches, exactly as the ledger would have written them:
 * an intent row, then (for 19 of 20) its request outcome row, hash-chained in seq order, plus the
 * audit_entries projection row. The chain is real (audit:verify would accept it).
 */
export function* auditBatches(total: number, batchSize = 5000): Generator<AuditBatch> {
  const rand = rng(20240101)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  let seq = 0
  let prev = GENESIS_HASH
  const append = (
    type: 'intent' | 'outcome',
    id: string,
    intentId: string,
    at: string,
    body: Record<string, unknown>,
  ): AuditLogTable => {
    const fields = {
      seq: ++seq,
      id,
      type,
      intent_id: intentId,
      at,
      body: canonicalJson(body),
      prev_hash: prev,
    }
    const row = { ...fields, hash: rowHash(fields) }
    prev = row.hash
    return row
  }
  for (let offset = 0; offset < total; offset += batchSize) {
    const batch: AuditBatch = { log: [], entries: [] }
    for (let i = offset; i < Math.min(total, offset + batchSize); i++) {
      const at = new Date(START + i * STEP_MS).toISOString()
      const id = uuidOf(i, '8000')
      const actor = pick(ACTORS)
      const kind = pick(WORKLOAD_KINDS)
      const action = pick(ACTIONS)
      const target = pick(TARGETS)
      const workloadId = String(100_000 + Math.floor(rand() * 50_000))
      const workloadName = `job-${workloadId}-${pick(['etl', 'stream', 'report', 'train', 'sync'])}`
      const reason = `${pick(['maintenance', 'cost cut', 'incident', 'runaway job', 'deploy'])} ${i % 97}`
      const intent = append('intent', id, id, at, {
        action,
        actor,
        role: 'operator',
        sourceIp: '10.0.0.1',
        userAgent: 'Mozilla/5.0',
        requestId: i.toString(16).padStart(32, '0'),
        reason,
        kind,
        target,
        workloadId,
        workloadName,
        stateBefore: 'running',
        options: {},
      })
      const pending = i % 20 === 0
      const outcome = pending ? null : pick(OUTCOMES)
      const out = outcome
        ? append(
            'outcome',
            uuidOf(i, '9000'),
            id,
            new Date(START + i * STEP_MS + 800).toISOString(),
            {
              intentId: id,
              outcome,
              httpStatus: outcome === 'success' ? 200 : 400,
              cloudCode: null,
              cloudMessage: null,
              upstreamRequestId: null,
              durationMs: 120,
              source: 'request',
            },
          )
        : null
      batch.log.push(intent, ...(out ? [out] : []))
      batch.entries.push({
        seq: intent.seq,
        intent_id: id,
        at,
        actor,
        kind,
        action,
        target,
        workload_id: workloadId,
        search: [actor, target, workloadId, workloadName, reason, kind].join('\n').toLowerCase(),
        // Request outcomes only (no watcher rows), so no final state: the projection the ledger derives.
        outcome,
        settled: pending ? 0 : 1,
        final_state: null,
        time_to_stop_ms: null,
        last_outcome_seq: out ? out.seq : null,
      })
    }
    yield batch
  }
}
