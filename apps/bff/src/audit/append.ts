import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, AuditLogTable } from '../db/schema.js'
import type { DialectName } from '../db/dialect.js'
import { GENESIS_HASH, canonicalJson, rowHash } from './hash-chain.js'

// Any fixed 64-bit key; every BFF process takes this transaction-scoped lock before reading the
// chain head, so appends from several replicas form one chain.
const CHAIN_LOCK_KEY = 7310016390366580n

export interface AppendInput {
  id?: string
  type: 'intent' | 'outcome'
  intentId?: string
  at: string
  body: Record<string, unknown>
}

/**
 * Appends one row to the chain inside `trx` (caller commits). `afterInsert` writes the query
 * projection in the same transaction.
 */
export async function appendRow(
  trx: Transaction<Database>,
  dialect: DialectName,
  input: AppendInput,
): Promise<AuditLogTable> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${sql.lit(CHAIN_LOCK_KEY.toString())}::bigint)`.execute(trx)
  const head = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst()
  const id = input.id ?? randomUUID()
  const fields = {
    seq: head ? Number(head.seq) + 1 : 1,
    id,
    type: input.type,
    intent_id: input.intentId ?? id,
    at: input.at,
    body: canonicalJson(input.body),
    prev_hash: head ? head.hash : GENESIS_HASH,
  }
  const row: AuditLogTable = { ...fields, hash: rowHash(fields) }
  await trx.insertInto('audit_log').values(row).execute()
  return row
}

/** Runs `fn` in a transaction (SQLite: one writer at a time anyway; PG: the advisory lock). */
export function inTransaction<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn)
}
