import { createLedger } from '../../../src/audit/ledger.js'
import { systemClock } from '../../../src/lib/clock.js'
import { bffEnv, BFF_ENTRY, startBff, startSim, stop, type Proc } from '../processes.js'
import { openDb, seedAdmin, signIn } from '../live-bff.js'
import { simControl, stopCalls, unrecognisedMutations, type StopCall } from '../sim-control.js'
import { createCrashDb } from './crash-db.js'
import { pickStoppable } from './pick-workloads.js'
import { simTargets } from '../../../src/workloads/cloud-targets.js'
import { createCloudSim } from '@ops-console/cloud-sim'

export interface CrashOptions {
  db: 'sqlite' | 'postgres'
  replicas: 1 | 2
  /** BFF entry point; the negative control passes the audit-after-call fixture. */
  entry?: string
  stops?: number
  /** Kill -9 once the simulator has received this many stop calls. */
  killAfter?: number
}

export interface CrashFigures {
  label: string
  fired: number
  /** Stop calls the simulator had received when the kill happened and after the dead BFF's sockets closed. */
  seenBySim: number
  /** Kinds among the stops seen (all five, or the run proves less than it claims). */
  kindsSeen: number
  /** Non-GET cloud calls the stop parser did not recognise (must be 0). */
  unrecognised: number
  withoutIntent: number
  sentTwice: number
  danglingIntents: number
  reconciled: number
  openAfterRestart: number
  resentAfterRestart: number
  chainOk: boolean
  /** What verify reported when the chain or the audit view did not check out. */
  chainProblem?: string
}

const projectTarget = new Map(
  simTargets(createCloudSim({ seed: 42, clock: 'manual' })).map((t) => [t.projectId, t.name]),
)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function hasIntent(
  call: StopCall,
  intents: { kind: string; target: string; id: string }[],
): boolean {
  const target = call.projectId ? projectTarget.get(call.projectId) : undefined
  return intents.some(
    (i) =>
      i.kind === call.kind && i.id === call.id && (target === undefined || i.target === target),
  )
}

/** One crash run: concurrent stops, kill -9 of one BFF mid-way, restart, and the ledger checked against what the cloud saw. */
export async function runCrash(opts: CrashOptions): Promise<CrashFigures> {
  const { stops = 200, killAfter = 100, entry = BFF_ENTRY } = opts
  const sim = await startSim('large')
  const store = await createCrashDb(opts.db)
  const handle = await openDb(store.db)
  const procs: Proc[] = [sim.proc]
  try {
    await seedAdmin(handle.db)
    const env = bffEnv(sim.url, store.db, { LOG_LEVEL: 'warn' })
    const bffs = []
    for (let i = 0; i < opts.replicas; i++) {
      const b = await startBff({ ...env, LOG_LEVEL: 'info' }, entry)
      procs.push(b.proc)
      bffs.push(b)
    }
    const apis = await Promise.all(bffs.map((b) => signIn(b.url)))
    const refs = await pickStoppable(apis[0] as (typeof apis)[0], sim.url, stops)
    const ctl = simControl(sim.url)
    await ctl.clearRequests()
    // A slow cloud: stops arrive and wait, so the kill lands with many of them in flight.
    await ctl.injectFault({ kind: 'latency', method: 'POST', ms: 1_500 })
    const victim = bffs[0] as (typeof bffs)[0]
    const fired = refs.map((r, i) =>
      (apis[i % apis.length] as (typeof apis)[0])
        .post(`/api/workloads/${r.kind}/${r.target}/${encodeURIComponent(r.id)}/stop`, {
          reason: 'crash test',
        })
        .then(
          (res) => res.status,
          () => 0,
        ),
    )
    for (let waited = 0; stopCalls(await ctl.requests()).length < killAfter; waited += 25) {
      if (waited > 60_000) throw new Error('the simulator never received enough stops')
      await sleep(25)
    }
    victim.proc.child.kill('SIGKILL')
    await victim.proc.exited
    await Promise.allSettled(fired)
    await ctl.clearFaults()
    await sleep(500)
    const records = await ctl.requests()
    const seen = stopCalls(records)
    const intentRows = await handle.db
      .selectFrom('audit_entries')
      .select(['kind', 'target', 'workload_id', 'settled'])
      .where('action', '=', 'workload.stop')
      .execute()
    const intents = intentRows.map((r) => ({ kind: r.kind, target: r.target, id: r.workload_id }))
    const perKey = new Map<string, number>()
    for (const c of seen)
      perKey.set(
        `${c.kind}|${c.projectId}|${c.id}`,
        (perKey.get(`${c.kind}|${c.projectId}|${c.id}`) ?? 0) + 1,
      )
    const dangling = intentRows.filter((r) => Number(r.settled) === 0).length

    const restarted = await startBff({ ...env, LOG_LEVEL: 'info' }, entry)
    procs.push(restarted.proc)
    await sleep(1_000)
    const after = stopCalls(await ctl.requests())
    const open = await handle.db
      .selectFrom('audit_entries')
      .select('intent_id')
      .where('settled', '=', 0)
      .execute()
    const reconciled = await handle.db
      .selectFrom('audit_log')
      .select('body')
      .where('type', '=', 'outcome')
      .execute()
    return {
      label: `${opts.db}, ${opts.replicas} BFF${opts.replicas > 1 ? 's' : ''}${entry === BFF_ENTRY ? '' : ', WRONG audit-after-call variant'}`,
      fired: fired.length,
      seenBySim: seen.length,
      kindsSeen: new Set(seen.map((c) => c.kind)).size,
      unrecognised: unrecognisedMutations(records).length,
      withoutIntent: seen.filter((c) => !hasIntent(c, intents)).length,
      sentTwice: [...perKey.values()].filter((n) => n > 1).length,
      danglingIntents: dangling,
      reconciled: reconciled.filter(
        (r) => (JSON.parse(r.body) as { source?: string }).source === 'reconciler',
      ).length,
      openAfterRestart: open.length,
      resentAfterRestart: after.length - seen.length,
      ...(await chainVerdict(handle.db)),
    }
  } finally {
    for (const p of procs.reverse()) await stop(p)
    await handle.close()
    await store.drop()
  }
}

/** Verified while the BFFs still run (watchers keep appending): verify reads one snapshot. */
async function chainVerdict(
  db: Parameters<typeof createLedger>[0],
): Promise<Pick<CrashFigures, 'chainOk' | 'chainProblem'>> {
  const v = await createLedger(db, systemClock).verify()
  return v.ok ? { chainOk: true } : { chainOk: false, chainProblem: v.problem ?? 'unknown' }
}

export function formatFigures(f: CrashFigures): string {
  return `crash test (${f.label}): ${f.fired} stops fired, ${f.seenBySim} seen by the simulator (${f.kindsSeen} kinds, ${f.unrecognised} unrecognised), ${f.withoutIntent} without audit intent, ${f.sentTwice} sent twice, ${f.danglingIntents} dangling intents, ${f.reconciled} reconciled, ${f.openAfterRestart} open after restart, ${f.resentAfterRestart} re-sent, chain ${f.chainOk ? 'ok' : `BROKEN (${f.chainProblem})`}`
}
