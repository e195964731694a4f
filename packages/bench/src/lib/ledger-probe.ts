import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { createDb, migrateToLatest, type DbHandle } from '@ops-console/bff/src/db/create-db.js'
import type { Database } from '@ops-console/bff/src/db/schema.js'
import { createLedger } from '@ops-console/bff/src/audit/ledger.js'
import { systemClock } from '@ops-console/bff/src/lib/clock.js'

const INTENT = {
  action: 'workload.stop',
  actor: 'operator',
  role: 'operator',
  sourceIp: '127.0.0.1',
  userAgent: 'bench',
  requestId: 'bench',
  reason: 'benchmark: ledger probe',
  kind: 'dli-flink-job',
  target: 'cn-north-4',
  workloadId: '1',
  workloadName: 'probe',
  stateBefore: 'running',
  options: {},
} as const

/**
 * Like createDb's PostgreSQL handle (same pool size), plus an error listener: a connection
 * terminated by the server while idle (other test suites on this shared server do that) must
 * not crash the benchmark run.
 */
function pgHandle(url: string): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  pool.on('error', () => undefined)
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', close: () => db.destroy() }
}

/**
 * The audit ledger alone, without HTTP or the cloud: intent + request outcome pairs written by
 * `concurrency` callers at once, as the stop path writes them. Tells how much of a stop's cost
 * is the hash-chained append (serialised by design: one chain head).
 */
export async function ledgerPairsPerSecond(
  database: { sqlitePath: string } | { url: string },
  pairs = 200,
  concurrency = 8,
): Promise<number> {
  const handle = 'url' in database ? pgHandle(database.url) : createDb({ database })
  try {
    await migrateToLatest(handle.db)
    const ledger = createLedger(handle.db, systemClock)
    let started = 0
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (started < pairs) {
          started++
          const intent = await ledger.recordIntent(INTENT)
          await ledger.recordOutcome({
            intentId: intent.id,
            outcome: 'success',
            httpStatus: 200,
            cloudCode: null,
            cloudMessage: null,
            upstreamRequestId: null,
            durationMs: 1,
            source: 'request',
          })
        }
      }),
    )
    return pairs / ((performance.now() - t0) / 1000)
  } finally {
    await handle.close()
  }
}
