import { createDb, migrateToLatest } from '@ops-console/bff/src/db/create-db.js'
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
 * The audit ledger alone, without HTTP or the cloud: intent + request outcome pairs written by
 * `concurrency` callers at once, as the stop path writes them. Tells how much of a stop's cost
 * is the hash-chained append (one chain head; group commit lets concurrent appends share it).
 */
export async function ledgerPairsPerSecond(
  database: { sqlitePath: string } | { url: string },
  pairs = 200,
  concurrency = 8,
): Promise<number> {
  const handle = createDb({
    database: 'url' in database ? { url: database.url, sqlitePath: '' } : database,
  })
  const ledger = createLedger(handle.db, systemClock)
  try {
    await migrateToLatest(handle.db)
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
    await ledger.close()
    await handle.close()
  }
}
