import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WorkloadList } from '@ops-console/contracts'
import { getJson, login, writeHeaders } from './lib/bff-session.js'
import { runLoad, type LoadResult } from './lib/load.js'
import { createFreshDatabase } from './lib/pg-database.js'
import { ledgerPairsPerSecond } from './lib/ledger-probe.js'
import { ledgerRowCount } from './lib/ledger-rows.js'
import { progress, runIfMain, type BenchResult, type Figure } from './lib/report.js'
import { startBff, startSim, type SimHost } from './lib/servers.js'
import { ms } from './lib/stats.js'

const CONNECTIONS = 50
const DURATION_MS = 15_000
const WARMUP = 20
/** Issue #11's targets at 50 concurrent operators. */
const TARGET = {
  SQLite: { stops: 300, p99: 200 },
  PostgreSQL: { stops: 200, p99: Infinity },
} as const

/** Every DLI job of the first target the operator may stop now (ids are used once each). */
async function stoppableJobs(origin: string, cookie: string, target: string): Promise<string[]> {
  const list = await getJson<WorkloadList>(
    `${origin}/api/workloads/dli-flink-job?target=${target}&limit=20000`,
    { cookie },
  )
  return list.items.filter((w) => w.actions.stop.allowed).map((w) => w.id)
}

async function measure(
  sim: SimHost,
  database: { sqlitePath: string } | { url: string },
): Promise<LoadResult & { jobs: number; appendsPerSecond: number }> {
  const bff = await startBff(sim, { database })
  try {
    let rowsBefore = 0
    const target = sim.info.defaults.projects[0]?.region ?? ''
    const cookie = await login(bff.info.origin, 'operator')
    const ids = await stoppableJobs(bff.info.origin, cookie, target)
    const r = await runLoad({
      origin: bff.info.origin,
      path: '/',
      method: 'POST',
      headers: writeHeaders(bff.info.origin, cookie),
      body: () => JSON.stringify({ reason: 'benchmark: stop throughput with full audit' }),
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      maxRequests: ids.length - WARMUP,
      warmupRequests: WARMUP,
      pathFor: (i) => `/api/workloads/dli-flink-job/${target}/${ids[i] ?? 'none'}/stop`,
      onMeasureStart: async () => {
        rowsBefore = await ledgerRowCount(database)
      },
    })
    const appended = (await ledgerRowCount(database)) - rowsBefore
    return { ...r, jobs: ids.length, appendsPerSecond: appended / r.seconds }
  } finally {
    await bff.stop()
  }
}

/**
 * Figure 2: throughput and p99 of single stops (`POST /api/workloads/dli-flink-job/…/stop`) with
 * the full audit path (intent committed before the upstream call, outcome after, watcher later)
 * on SQLite (a WAL file, synchronous=FULL) and on PostgreSQL (a fresh database, dropped after).
 */
export async function benchStopAudit(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-stop-'))
  const simOptions = {
    seed: 42,
    size: 'large' as const,
    clock: 'real' as const,
    stopFailureRate: 0,
  }
  const sim = await startSim(simOptions)
  const figures: Figure[] = []
  const notes: string[] = []
  try {
    progress('stop-audit: SQLite')
    const lite = await measure(sim, { sqlitePath: join(dir, 'bff.db') })
    // Same world again for PostgreSQL: the simulator is reset to its seed (all jobs running again).
    await fetch(`${sim.info.origin}/__sim/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(simOptions),
    })
    progress('stop-audit: PostgreSQL')
    const db = await createFreshDatabase('bench_stop')
    let pgResult
    try {
      pgResult = await measure(sim, { url: db.url })
    } finally {
      await db.drop()
    }
    progress('stop-audit: ledger probe')
    const probeDb = await createFreshDatabase('bench_probe')
    const probe = {
      SQLite: await ledgerPairsPerSecond({ sqlitePath: join(dir, 'probe.db') }, 2000, CONNECTIONS),
      PostgreSQL: 0,
    }
    try {
      probe.PostgreSQL = await ledgerPairsPerSecond({ url: probeDb.url }, 2000, CONNECTIONS)
    } finally {
      await probeDb.drop()
    }
    for (const [label, r] of [
      ['SQLite', lite],
      ['PostgreSQL', pgResult],
    ] as const) {
      const t = TARGET[label]
      figures.push({
        figure: `stop + audit on ${label}, ${CONNECTIONS} operators: stops/s, p99`,
        value: `${r.rps.toFixed(0)} stops/s, p99 ${ms(r.p99)}`,
        target: `≥ ${t.stops} stops/s${Number.isFinite(t.p99) ? `, p99 < ${t.p99} ms` : ''}`,
        met: r.rps >= t.stops && r.p99 < t.p99,
      })
      figures.push({
        figure: `  ledger appends/s during those stops on ${label}`,
        value: `${r.appendsPerSecond.toFixed(0)} appends/s`,
      })
      figures.push({
        figure: `  ledger alone on ${label} (${CONNECTIONS} writers of intent+outcome pairs)`,
        value: `${(probe[label] * 2).toFixed(0)} appends/s`,
      })
      const failed = r.errors + Object.values(r.statuses).reduce((a, b) => a + b, 0)
      notes.push(
        `${label}: ${r.requests} stops of ${r.jobs} stoppable DLI jobs in ${r.seconds.toFixed(1)} s, ${failed} failed (${JSON.stringify(r.statuses)}), p50 ${ms(r.p50)}.`,
      )
    }
    notes.push(
      `${CONNECTIONS} concurrent operators' requests, each stop a different running DLI job of a large world (stopFailureRate 0); bounded by ${DURATION_MS / 1000} s or the number of stoppable jobs.`,
    )
  } finally {
    await sim.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  return { name: 'stop with audit', figures, notes }
}

runIfMain(import.meta.url, benchStopAudit)
