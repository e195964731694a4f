import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import type { WorkloadList } from '@ops-console/contracts'
import { bffEnv, startBff, startSim, stop, type Proc } from './processes.js'
import { openDb, seedAdmin, signIn, type LiveClient } from './live-bff.js'
import { simControl, stopCalls } from './sim-control.js'
import { printFaultFigures, recordFault } from './fault-figures.js'

afterAll(() => printFaultFigures('process faults'))

const GRACE_MS = 10_000 // SHUTDOWN_GRACE_MS in src/index.ts

/** Standalone simulator + one BFF process on a fresh SQLite file; `run` gets everything, cleanup is ours. */
async function withProcesses(
  run: (ctx: {
    api: LiveClient
    bff: { url: string; proc: Proc }
    sim: ReturnType<typeof simControl>
    restart: () => Promise<void>
    db: Awaited<ReturnType<typeof openDb>>
  }) => Promise<void>,
) {
  const dir = mkdtempSync(join(tmpdir(), 'ops-proc-'))
  const store = { sqlitePath: join(dir, 'ops.db') }
  const sim = await startSim('small')
  const db = await openDb(store)
  const procs: Proc[] = [sim.proc]
  try {
    await seedAdmin(db.db)
    const env = bffEnv(sim.url, store)
    const bff = await startBff(env)
    procs.push(bff.proc)
    const restart = async () => void procs.push((await startBff(env)).proc)
    await run({ api: await signIn(bff.url), bff, sim: simControl(sim.url), restart, db })
  } finally {
    for (const p of procs.reverse()) await stop(p)
    await db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function runningDliJobs(api: LiveClient, n: number): Promise<string[]> {
  const list = (await (
    await api.get('/api/workloads/dli-flink-job?state=running&limit=1000')
  ).json()) as WorkloadList
  const paths = list.items
    .filter((w) => w.actions.stop.allowed)
    .slice(0, n)
    .map((w) => `/api/workloads/${w.kind}/${w.target}/${w.id}/stop`)
  if (paths.length < n) throw new Error(`only ${paths.length} running DLI jobs`)
  return paths
}

async function untilSimSaw(sim: ReturnType<typeof simControl>, n: number): Promise<void> {
  for (let waited = 0; stopCalls(await sim.requests()).length < n; waited += 20) {
    if (waited > 20_000) throw new Error(`the simulator never received ${n} stops`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

test('SIGTERM with stops in flight: every request completes, outcomes are recorded, exit 0 within the grace period', async () => {
  await withProcesses(async ({ api, bff, sim, db }) => {
    const paths = await runningDliJobs(api, 5)
    await sim.clearRequests()
    await sim.injectFault({ kind: 'latency', method: 'POST', ms: 1_500 })
    const pending = paths.map((p) =>
      api.post(p, { reason: 'sigterm test' }).then(
        (r) => r.status,
        () => 0,
      ),
    )
    await untilSimSaw(sim, paths.length)
    const signalled = Date.now()
    bff.proc.child.kill('SIGTERM')
    expect(await Promise.all(pending)).toEqual(paths.map(() => 200))
    const exit = await bff.proc.exited
    expect(exit.code).toBe(0)
    expect(Date.now() - signalled).toBeLessThan(GRACE_MS)
    expect(
      await db.db
        .selectFrom('audit_entries')
        .select('intent_id')
        .where('settled', '=', 0)
        .execute(),
    ).toEqual([])
    // Each intent: the request's outcome (success), then the watcher's row saying shutdown ended the watch.
    const outcomes = (
      await db.db.selectFrom('audit_log').select('body').where('type', '=', 'outcome').execute()
    ).map(
      (r) => JSON.parse(r.body) as { source: string; outcome: string; cloudMessage: string | null },
    )
    expect(outcomes.filter((o) => o.source === 'request' && o.outcome === 'success')).toHaveLength(
      paths.length,
    )
    expect(outcomes.filter((o) => o.source === 'watcher').map((o) => o.cloudMessage)).toEqual(
      paths.map(() => 'watching ended by shutdown'),
    )
    expect(stopCalls(await sim.requests())).toHaveLength(paths.length)
    recordFault('SIGTERM in flight', 1)
  })
}, 90_000)

test('kill -9 mid-stop: the intent was committed first; after restart it is reconciled by reading, and nothing is re-sent', async () => {
  await withProcesses(async ({ api, bff, sim, db, restart }) => {
    const [path] = await runningDliJobs(api, 1)
    await sim.clearRequests()
    await sim.injectFault({ kind: 'latency', method: 'POST', ms: 3_000 })
    void api.post(path as string, { reason: 'kill -9 test' }).catch(() => null)
    await untilSimSaw(sim, 1)
    bff.proc.child.kill('SIGKILL')
    await bff.proc.exited
    await sim.clearFaults()
    const before = await db.db
      .selectFrom('audit_entries')
      .select(['intent_id', 'settled'])
      .where('action', '=', 'workload.stop')
      .execute()
    expect(before).toHaveLength(1)
    expect(Number(before[0]?.settled)).toBe(0)
    await restart()
    const outcomes = await db.db
      .selectFrom('audit_log')
      .select('body')
      .where('type', '=', 'outcome')
      .execute()
    expect(outcomes.map((o) => (JSON.parse(o.body) as { source: string }).source)).toEqual([
      'reconciler',
    ])
    expect(stopCalls(await sim.requests())).toHaveLength(1)
    recordFault('kill -9', stopCalls(await sim.requests()).length)
  })
}, 90_000)
