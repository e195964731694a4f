import type pg from 'pg'
import {
  AUDIT_ENTRY_COLUMNS,
  AUDIT_LOG_COLUMNS,
  LedgerBusyError,
  chainBatch,
  outcomeRefusal,
  type ChainHead,
  type ChainedPending,
  type LedgerStore,
  type RowResult,
} from './batch.js'

// Every BFF process takes this transaction-scoped lock before reading the chain head, so appends
// from several replicas form one chain. Two-int form: a fixed class and the schema (as the
// reconciliation lock does), so chains in different schemas (tests) never wait for each other.
const CHAIN_LOCK_NS = 0x6f707303
/** lock_not_available (lock_timeout) and query_canceled (statement_timeout). */
const TIMEOUT_CODES = new Set(['55P03', '57014'])

const KNOWN_INTENTS = {
  name: 'audit-known-intents-v1',
  text: 'SELECT intent_id, action FROM audit_entries WHERE intent_id = ANY($1::text[])',
}

/**
 * Every row of a batch in one statement (data-modifying CTEs), prepared once per connection:
 * chain rows, new entries, patches of earlier entries, the readiness row. Arrays are unnest'ed.
 */
const WRITE = {
  name: 'audit-write-batch-v1',
  text: `WITH log AS (
    INSERT INTO audit_log (seq, id, type, intent_id, at, body, prev_hash, hash, mac)
    SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
  ), entries AS (
    INSERT INTO audit_entries (seq, intent_id, at, actor, kind, action, target, workload_id, search,
      outcome, settled, final_state, time_to_stop_ms, last_outcome_seq, http_status, upstream_request_id)
    SELECT * FROM unnest($10::int[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
      $16::text[], $17::text[], $18::text[], $19::text[], $20::int[], $21::text[], $22::int[], $23::int[],
      $24::int[], $25::text[])
  ), patched AS (
    UPDATE audit_entries e SET outcome = u.outcome, last_outcome_seq = u.seq,
      settled = CASE WHEN u.settles THEN 1 ELSE e.settled END,
      final_state = coalesce(u.final_state, e.final_state),
      time_to_stop_ms = coalesce(u.tts, e.time_to_stop_ms),
      http_status = coalesce(u.http_status, e.http_status),
      upstream_request_id = coalesce(u.upstream, e.upstream_request_id),
      search = e.search || u.suffix
    FROM unnest($26::text[], $27::text[], $28::int[], $29::bool[], $30::text[], $31::int[], $32::int[],
      $33::text[], $34::text[]) AS u(intent_id, outcome, seq, settles, final_state, tts, http_status, upstream, suffix)
    WHERE e.intent_id = u.intent_id
  ), probe AS (
    INSERT INTO ledger_probe (id, at) SELECT * FROM unnest($35::text[], $36::text[])
    ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at
  ) SELECT 1`,
}

const col = <T, K extends keyof T>(rows: readonly T[], k: K): T[K][] => rows.map((r) => r[k])

/** Waits for a pooled connection, but not past `deadline`; a late one is handed back. */
async function connectBefore(pool: pg.Pool, deadline: number): Promise<pg.PoolClient> {
  const pending = pool.connect()
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new LedgerBusyError('no database connection before the deadline')),
      Math.max(0, deadline - performance.now()),
    )
  })
  try {
    return await Promise.race([pending, late])
  } catch (err) {
    pending.then(
      (c) => c.release(),
      () => undefined,
    )
    throw err
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The ledger's writes on PostgreSQL: per batch one transaction with `lock_timeout` (the time
 * left until the oldest waiter's deadline) and `statement_timeout`, the chain-head advisory lock,
 * then one prepared statement for all rows. Round trips per batch: 3, or 4 with outcomes.
 */
export function createPgStore(
  pool: pg.Pool,
  hmacKey: string | null,
  statementTimeoutMs: number,
): LedgerStore {
  return {
    async append(take, deadline) {
      const client = await connectBefore(pool, deadline)
      let broken: Error | undefined
      try {
        const lockMs = Math.max(1, Math.ceil(deadline - performance.now()))
        let head: ChainHead | undefined
        try {
          const res = (await client.query(
            `BEGIN; SET LOCAL lock_timeout = ${lockMs}; SET LOCAL statement_timeout = ${statementTimeoutMs};
             SELECT pg_advisory_xact_lock(${CHAIN_LOCK_NS}, hashtext(current_schema()));
             SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
          )) as unknown as pg.QueryResult<ChainHead>[]
          head = res[4]?.rows[0]
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined)
          const code = (err as { code?: string }).code
          if (code && TIMEOUT_CODES.has(code))
            throw new LedgerBusyError('the audit chain head stayed locked', { cause: err })
          throw err
        }
        const rows = take()
        try {
          const results = await writeTaken(client, head ?? null, rows, hmacKey)
          await client.query('COMMIT')
          return results
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined)
          throw err
        }
      } catch (err) {
        broken = err instanceof Error ? err : new Error(String(err))
        throw err
      } finally {
        // A connection that failed mid-transaction is not trusted again.
        client.release(broken && !(broken instanceof LedgerBusyError) ? broken : undefined)
      }
    },
    // The server's disk is the server's: a full one fails the probe's commit itself.
    headroomProblem: () => Promise.resolve(null),
    close: () => Promise.resolve(),
  }
}

async function writeTaken(
  client: pg.PoolClient,
  head: ChainHead | null,
  rows: ReturnType<Parameters<LedgerStore['append']>[0]>,
  hmacKey: string | null,
): Promise<RowResult[]> {
  const outcomeIds = rows.flatMap((r) => (r.type === 'outcome' ? [r.intentId] : []))
  const known = new Map<string, string>()
  if (outcomeIds.length > 0) {
    const res = await client.query<{ intent_id: string; action: string }>({
      ...KNOWN_INTENTS,
      values: [outcomeIds],
    })
    for (const r of res.rows) known.set(r.intent_id, r.action)
  }
  const chained: ChainedPending[] = []
  const probes: { id: string; at: string }[] = []
  const special = new Map<number, RowResult>()
  rows.forEach((r, i) => {
    if (r.type === 'probe') {
      probes.push(r)
      special.set(i, null)
      return
    }
    if (r.type === 'outcome') {
      const refused = outcomeRefusal(r.intentId, known.get(r.intentId))
      if (refused) return special.set(i, refused)
    } else known.set(r.id, String(r.body.action))
    chained.push(r)
  })
  const { log, inserts, patches } = chainBatch(head, chained, hmacKey)
  const p = [...patches].map(([intentId, x]) => ({ intentId, ...x }))
  await client.query({
    ...WRITE,
    values: [
      ...AUDIT_LOG_COLUMNS.map((k) => col(log, k)),
      ...AUDIT_ENTRY_COLUMNS.map((k) => col(inserts, k)),
      col(p, 'intentId'),
      col(p, 'outcome'),
      col(p, 'last_outcome_seq'),
      col(p, 'settles'),
      col(p, 'final_state'),
      col(p, 'time_to_stop_ms'),
      col(p, 'http_status'),
      col(p, 'upstream_request_id'),
      col(p, 'search_suffix'),
      col(probes, 'id'),
      col(probes, 'at'),
    ],
  })
  let next = 0
  return rows.map((_, i) => (special.has(i) ? (special.get(i) ?? null) : (log[next++] ?? null)))
}
