import type { Kysely } from 'kysely'
import type { AuditEntriesTable, Database } from '../db/schema.js'
import { dialectOf } from '../db/dialect.js'
import { GENESIS_HASH, macMatches, rowHash } from './hash-chain.js'
import { checkpointMacValid, type Checkpoint } from './checkpoints.js'
import { applyPatch, eventEntry, intentEntry, outcomePatch } from './projection.js'
import type { VerifyResult } from './types.js'

const BATCH = 1000

export interface VerifyOptions {
  /** AUDIT_HMAC_KEY: every row's MAC is checked (rows from the first MAC'd one on must have one). */
  hmacKey?: string | null
  /** Chain heads recorded outside the database (checkpoint files). */
  checkpoints?: readonly Checkpoint[]
}

type Bad = { seq: number; problem: string }

/** Walks audit_log: no gaps, each prev_hash the previous hash, each hash and MAC right. */
async function walkChain(db: Kysely<Database>, opts: VerifyOptions, wanted: ReadonlySet<number>) {
  const expected = new Map<string, AuditEntriesTable>()
  const hashesAt = new Map<number, string>()
  let prevHash = GENESIS_HASH
  let rows = 0
  let macs = 0
  let unkeyedMacs = false
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', rows)
      .orderBy('seq')
      .limit(BATCH)
      .execute()
    for (const raw of batch) {
      const row = { ...raw, seq: Number(raw.seq) }
      const seq = rows + 1
      const fail = (problem: string): { bad: Bad } => ({ bad: { seq, problem } })
      if (row.seq !== seq) return fail(`row ${seq} is missing`)
      if (row.prev_hash !== prevHash) return fail(`row ${seq} does not follow row ${seq - 1}`)
      if (rowHash(row) !== row.hash) return fail(`row ${seq} was modified`)
      if (opts.hmacKey) {
        if (row.mac === null && macs > 0)
          return fail(`row ${seq} has no MAC although earlier rows have one`)
        if (row.mac !== null && !macMatches(opts.hmacKey, row.hash, row.mac))
          return fail(`row ${seq} has a MAC that does not match: rewritten without the key`)
      }
      if (row.mac !== null) macs += 1
      if (row.mac !== null && !opts.hmacKey) unkeyedMacs = true
      if (wanted.has(seq)) hashesAt.set(seq, row.hash)
      project(expected, row)
      prevHash = row.hash
      rows = seq
    }
    if (batch.length < BATCH) break
  }
  return { expected, hashesAt, rows, macs, unkeyedMacs, headHash: prevHash }
}

/** The audit_entries row the chain implies, kept up to date row by row (projection.ts). */
function project(
  expected: Map<string, AuditEntriesTable>,
  row: { seq: number; id: string; type: string; intent_id: string; at: string; body: string },
): void {
  const b = JSON.parse(row.body) as Record<string, unknown>
  if (row.type === 'intent') expected.set(row.id, intentEntry(row.seq, row.id, row.at, b))
  else if (row.type === 'event') expected.set(row.id, eventEntry(row.seq, row.id, row.at, b))
  else {
    const e = expected.get(row.intent_id)
    if (e) expected.set(row.intent_id, applyPatch(e, outcomePatch(row.seq, b)))
  }
}

const NUMERIC = ['seq', 'settled', 'time_to_stop_ms', 'last_outcome_seq', 'http_status'] as const

/** The audit view reads audit_entries: every entry must be exactly what the chain implies. */
async function verifyProjection(
  db: Kysely<Database>,
  expected: Map<string, AuditEntriesTable>,
): Promise<Bad | null> {
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
      const actual: Record<string, unknown> = { ...raw }
      for (const k of NUMERIC) actual[k] = raw[k] === null ? null : Number(raw[k])
      const want = expected.get(raw.intent_id)
      const keys = want ? (Object.keys(want) as (keyof AuditEntriesTable)[]) : []
      if (!want || keys.some((k) => want[k] !== actual[k]))
        return {
          seq: Number(raw.seq),
          problem: `the audit view's entry for row ${raw.seq} does not match the log`,
        }
      seen.add(raw.intent_id)
      after = Number(raw.seq)
    }
    if (batch.length < BATCH) break
  }
  const missing = [...expected.values()].find((e) => !seen.has(e.intent_id))
  return missing
    ? { seq: missing.seq, problem: `the audit view's entry for row ${missing.seq} is missing` }
    : null
}

function checkCheckpoints(
  opts: VerifyOptions,
  rows: number,
  hashesAt: ReadonlyMap<number, string>,
): Bad | null {
  for (const c of opts.checkpoints ?? []) {
    if (opts.hmacKey && !checkpointMacValid(opts.hmacKey, c))
      return { seq: c.seq, problem: `the checkpoint for row ${c.seq} is not authentic` }
    if (c.seq > rows)
      return {
        seq: rows + 1,
        problem: `a checkpoint of ${c.at} records row ${c.seq}, but the chain ends at row ${rows}: rows were removed`,
      }
    if (hashesAt.get(c.seq) !== c.hash)
      return {
        seq: c.seq,
        problem: `row ${c.seq} differs from its checkpoint of ${c.at}: the chain was rewritten`,
      }
  }
  return null
}

/**
 * Walks the chain in seq order: seqs must be 1..n without gaps (deleted rows), each prev_hash must
 * equal the previous hash (reordered rows), each hash must match the row (modified rows) and,
 * with the key, each MAC. Then checks that audit_entries is exactly what the chain implies, and
 * that every checkpoint recorded outside the database matches (a rehashed or truncated chain).
 * Runs in one read snapshot, so appends by running BFFs cannot make log and view disagree mid-check.
 */
export function verifyChain(db: Kysely<Database>, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const tx = db.transaction()
  const snapshot =
    dialectOf(db) === 'postgres'
      ? tx.setIsolationLevel('repeatable read')
      : tx.setAccessMode('read only')
  return snapshot.execute((trx) => verifyIn(trx, opts))
}

async function verifyIn(db: Kysely<Database>, opts: VerifyOptions): Promise<VerifyResult> {
  const wanted = new Set((opts.checkpoints ?? []).map((c) => c.seq))
  const walk = await walkChain(db, opts, wanted)
  const warnings: string[] = []
  if ('bad' in walk) return failed(walk.bad, walk.bad.seq - 1)
  const { rows } = walk
  if (opts.hmacKey && rows > 0 && walk.macs === 0)
    return failed(
      {
        seq: 1,
        problem: 'a MAC key is set but no row carries a MAC: written without the key, or rewritten',
      },
      rows,
    )
  if (walk.unkeyedMacs) warnings.push('rows carry MACs; set AUDIT_HMAC_KEY to check them')
  const bad =
    (await verifyProjection(db, walk.expected)) ?? checkCheckpoints(opts, rows, walk.hashesAt)
  if (bad) return failed(bad, rows)
  return {
    ok: true,
    rows,
    ...(rows > 0 ? { headHash: walk.headHash } : {}),
    authenticatedRows: opts.hmacKey ? walk.macs : 0,
    checkpointsChecked: opts.checkpoints?.length ?? 0,
    ...(warnings.length ? { warnings } : {}),
  }
}

function failed(bad: Bad, rows: number): VerifyResult {
  return { ok: false, rows, firstBadSeq: bad.seq, problem: bad.problem }
}
