import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { GENESIS_HASH, rowHash } from './hash-chain.js'
import type { VerifyResult } from './types.js'

const BATCH = 1000

/**
 * Walks the chain in seq order: seqs must be 1..n without gaps (deleted rows), each prev_hash must
 * equal the previous hash (reordered rows) and each hash must match the row (modified rows).
 */
export async function verifyChain(db: Kysely<Database>): Promise<VerifyResult> {
  let expectedSeq = 1
  let prevHash = GENESIS_HASH
  let rows = 0
  for (;;) {
    const batch = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(BATCH).execute()
    for (const raw of batch) {
      const row = { ...raw, seq: Number(raw.seq) }
      if (row.seq !== expectedSeq) return { ok: false, rows, firstBadSeq: expectedSeq, problem: `row ${expectedSeq} is missing` }
      if (row.prev_hash !== prevHash) return { ok: false, rows, firstBadSeq: row.seq, problem: `row ${row.seq} does not follow row ${row.seq - 1}` }
      if (rowHash(row) !== row.hash) return { ok: false, rows, firstBadSeq: row.seq, problem: `row ${row.seq} was modified` }
      prevHash = row.hash
      expectedSeq += 1
      rows += 1
    }
    if (batch.length < BATCH) break
  }
  return { ok: true, rows, ...(rows > 0 ? { headHash: prevHash } : {}) }
}
