import { WORKLOAD_KINDS } from '@ops-console/contracts'
import {
  chainBatch,
  type ChainHead,
  type ChainedPending,
} from '@ops-console/bff/src/audit/batch.js'
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
 * audit_entries projection row. Rows go through the ledger's own batch builder (`chainBatch`),
 * so the chain and projection are real (audit:verify accepts them).
 */
export function* auditBatches(total: number, batchSize = 5000): Generator<AuditBatch> {
  const rand = rng(20240101)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
  let head: ChainHead | null = null
  for (let offset = 0; offset < total; offset += batchSize) {
    const rows: ChainedPending[] = []
    for (let i = offset; i < Math.min(total, offset + batchSize); i++) {
      const at = new Date(START + i * STEP_MS).toISOString()
      const id = uuidOf(i, '8000')
      const workloadId = String(100_000 + Math.floor(rand() * 50_000))
      const actor = pick(ACTORS)
      const kind = pick(WORKLOAD_KINDS)
      const action = pick(ACTIONS)
      const target = pick(TARGETS)
      const workloadName = `job-${workloadId}-${pick(['etl', 'stream', 'report', 'train', 'sync'])}`
      const reason = `${pick(['maintenance', 'cost cut', 'incident', 'runaway job', 'deploy'])} ${i % 97}`
      rows.push({
        type: 'intent',
        id,
        at,
        body: {
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
        },
      })
      const outcome = i % 20 === 0 ? null : pick(OUTCOMES)
      // Request outcomes only (no watcher rows), so no final state.
      if (outcome)
        rows.push({
          type: 'outcome',
          id: uuidOf(i, '9000'),
          intentId: id,
          at: new Date(START + i * STEP_MS + 800).toISOString(),
          body: {
            intentId: id,
            outcome,
            httpStatus: outcome === 'success' ? 200 : 400,
            cloudCode: null,
            cloudMessage: null,
            upstreamRequestId: null,
            durationMs: 120,
            source: 'request',
          },
        })
    }
    const { log, inserts } = chainBatch(head, rows, null)
    const last = log.at(-1)
    if (last) head = { seq: last.seq, hash: last.hash }
    yield { log, entries: inserts }
  }
}
