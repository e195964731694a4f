import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { dialectOf } from '../db/dialect.js'
import { GENESIS_HASH, rowHash } from './hash-chain.js'
import type { VerifyResult } from './types.js'

const BATCH = 1000

type Projection = Omit<
  Database['audit_entries'],
  'settled' | 'time_to_stop_ms' | 'last_outcome_seq' | 'seq'
> & {
  seq: number
  settled: number
  time_to_stop_ms: number | null
  last_outcome_seq: number | null
}

/** The audit_entries row the ledger derives from the chain (see ledger.ts recordIntent/recordOutcome). */
function project(
  expected: Map<string, Projection>,
  row: { seq: number; id: string; type: string; intent_id: string; at: string; body: string },
): void {
  const b = JSON.parse(row.body) as Record<string, unknown>
  if (row.type === 'intent') {
    const str = (k: string) => (typeof b[k] === 'string' ? b[k] : '')
    const search = [
      str('actor'),
      str('target'),
      str('workloadId'),
      str('workloadName'),
      str('reason'),
      str('kind'),
    ]
      .join('\n')
      .toLowerCase()
    expected.set(row.id, {
      seq: row.seq,
      intent_id: row.id,
      at: row.at,
      actor: str('actor'),
      kind: str('kind'),
      action: str('action'),
      target: str('target'),
      workload_id: str('workloadId'),
      search,
      outcome: null,
      settled: 0,
      final_state: null,
      time_to_stop_ms: null,
      last_outcome_seq: null,
    })
    return
  }
  const e = expected.get(row.intent_id)
  if (!e) return
  e.outcome = typeof b.outcome === 'string' ? b.outcome : null
  e.last_outcome_seq = row.seq
  if (b.source !== 'watcher') e.settled = 1
  if (typeof b.finalState === 'string') e.final_state = b.finalState
  if (b.timeToStopMs != null) e.time_to_stop_ms = Number(b.timeToStopMs)
}

/** The audit view reads audit_entries: every entry must be exactly what the chain implies, and none missing or extra. */
async function verifyProjection(
  db: Kysely<Database>,
  expected: Map<string, Projection>,
): Promise<{ seq: number } | null> {
  const seen = new Set<string>()
  for (let after = 0; ;) {
    const batch = await db
      .selectFrom('audit_entries')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(BATCH)
      .execute()
    for (const raw of batch) {
      const actual = {
        ...raw,
        seq: Number(raw.seq),
        settled: Number(raw.settled),
        time_to_stop_ms: raw.time_to_stop_ms === null ? null : Number(raw.time_to_stop_ms),
        last_outcome_seq: raw.last_outcome_seq === null ? null : Number(raw.last_outcome_seq),
      }
      const want = expected.get(actual.intent_id)
      if (!want || (Object.keys(want) as (keyof Projection)[]).some((k) => want[k] !== actual[k]))
        return { seq: actual.seq }
      seen.add(actual.intent_id)
      after = actual.seq
    }
    if (batch.length < BATCH) break
  }
  const missing = [...expected.values()].find((e) => !seen.has(e.intent_id))
  return missing ? { seq: missing.seq } : null
}

/**
 * Walks the chain in seq order: seqs must be 1..n without gaps (deleted rows), each prev_hash must
 * equal the previous hash (reordered rows) and each hash must match the row (modified rows). Then
 * checks that the audit view's entries (audit_entries) are exactly what the chain implies.
 * Runs in one read snapshot, so appends by running BFFs cannot make log and view disagree mid-check.
 */
export function verifyChain(db: Kysely<Database>): Promise<VerifyResult> {
  const tx = db.transaction()
  return (dialectOf(db) === 'postgres' ? tx.setIsolationLevel('repeatable read') : tx).execute(
    (trx) => verifyIn(trx),
  )
}

async function verifyIn(db: Kysely<Database>): Promise<VerifyResult> {
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let rows = 0
  const expected = new Map<string, Projection>()
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute()
    for (const raw of batch) {
      const row = { ...raw, seq: Number(raw.seq) }
      if (row.seq !== expectedSeq)
        return {
          ok: false,
          rows,
          firstBadSeq: expectedSeq,
          problem: `row ${expectedSeq} is missing`,
        }
      if (row.prev_hash !== prevHash)
        return {
          ok: false,
          rows,
          firstBadSeq: row.seq,
          problem: `row ${row.seq} does not follow row ${row.seq - 1}`,
        }
      if (rowHash(row) !== row.hash)
        return { ok: false, rows, firstBadSeq: row.seq, problem: `row ${row.seq} was modified` }
      project(expected, row)
      prevHash = row.hash
      expectedSeq += 1
      rows += 1
    }
    if (batch.length < BATCH) break
  }
  const bad = await verifyProjection(db, expected)
  if (bad)
    return {
      ok: false,
      rows,
      firstBadSeq: bad.seq,
      problem: `the audit view's entry for row ${bad.seq} does not match the log`,
    }
  return { ok: true, rows, ...(rows > 0 ? { headHash: prevHash } : {}) }
}
