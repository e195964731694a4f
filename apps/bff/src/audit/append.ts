import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
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

/** Appends one row to the chain inside `trx` (the caller commits, see `inTransaction`). */
export async function appendRow(
  trx: Kysely<Database>,
  dialect: DialectName,
  input: AppendInput,
): Promise<AuditLogTable> {
  if (dialect === 'postgres')
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(CHAIN_LOCK_KEY.toString())}::bigint)`.execute(
      trx,
    )
  const head = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
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

/**
 * Runs `fn` in a write transaction. SQLite uses BEGIN IMMEDIATE so a second process waits for
 * the write lock up front instead of failing when its read snapshot goes stale; PostgreSQL
 * serialises appends with the advisory lock taken in `appendRow`.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  dialect: DialectName,
  fn: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute(fn)
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn)
    try {
      const result = await fn(conn)
      await sql`COMMIT`.execute(conn)
      return result
    } catch (err) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined)
      throw err
    }
  })
}
