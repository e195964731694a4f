import { afterEach, expect, test } from 'vitest'
import type { AuditIntent, Workload } from '@ops-console/contracts'
import { createLedger } from '../../src/audit/ledger.js'
import { STALE_AFTER_MS } from '../../src/lib/replica-presence.js'
import { intentInput } from '../../src/testing/audit-fixtures.js'
import { createReplicaPair, PASSWORD, stoppableDliJobs, type ReplicaPair } from './replica-pair.js'
import { killPresenceSession, until } from './replica-tools.js'

let pair: ReplicaPair | null = null
afterEach(async () => {
  await pair?.close()
  pair = null
})

/** An intent on a real workload, as `ledger` writes it (no outcome). */
function openIntent(
  ledger: ReplicaPair['a']['platform']['ledger'],
  w: Workload,
): Promise<AuditIntent> {
  return ledger.recordIntent(
    intentInput({
      kind: w.kind,
      target: w.target,
      workloadId: w.id,
      workloadName: w.name,
      stateBefore: w.state,
    }),
  )
}

const outcomesOf = async (p: ReplicaPair, intentId: string) =>
  (await p.auditRows())
    .filter((r) => r.type === 'outcome' && r.intentId === intentId)
    .map((r) => r.body)
const nonGets = (p: ReplicaPair) =>
  p.sim.control.requests().filter((r) => r.service !== null && r.method !== 'GET')

test("B starting while A's stop hangs leaves A's intent alone; once A has crashed, B's next pass settles it by reading only", async () => {
  pair = await createReplicaPair({ clientTimeoutMs: 4_000 })
  const p = pair
  const [job] = await stoppableDliJobs(p, 1)
  if (!job) throw new Error('need a job')
  const op = p.a.browser()
  await op.login('operator', PASSWORD)
  p.sim.control.injectFault({
    service: 'dli',
    method: 'POST',
    path: 'stop',
    kind: 'hang',
    times: 1,
  })
  const stopOnA = op.post(`/api/workloads/${job.kind}/${job.target}/${job.id}/stop`, {
    reason: 'hangs upstream',
  })
  await until(() => nonGets(p).length === 1, 'the stop to reach the simulator')
  const [intent] = await p.a.platform.ledger.openIntents()
  expect(intent?.options.replica).toBe(p.a.replica.id)
  p.sim.control.clearRequests()

  // B (re)starts and reconciles; A is alive with its stop in flight. A's own pass leaves it too.
  expect(await p.b.services.workloads.reconcile()).toBe(0)
  expect(await p.a.services.workloads.reconcile()).toBe(0)
  expect(await outcomesOf(p, intent?.id ?? '')).toEqual([])

  // A dies (its database session is gone) before its stop returns.
  await killPresenceSession(p, p.a)
  expect(await p.b.services.workloads.reconcile()).toBe(1)
  expect(await outcomesOf(p, intent?.id ?? '')).toEqual([
    expect.objectContaining({ source: 'reconciler', outcome: 'unknown', finalState: 'running' }),
  ])
  // Reconciling read the job's state and sent nothing: the one stop is the hung one from A.
  expect(nonGets(p)).toEqual([])
  expect(p.sim.control.requests().some((r) => r.service === 'dli' && r.method === 'GET')).toBe(true)
  expect(await p.b.services.workloads.reconcile()).toBe(0)

  // The zombie's call finally times out; its late outcome row still joins the one valid chain.
  expect((await stopOnA).status).toBeGreaterThanOrEqual(500)
  await p.a.services.workloads.idle()
  expect((await outcomesOf(p, intent?.id ?? '')).map((o) => o.source)).toEqual([
    'reconciler',
    'request',
  ])
  expect(await p.b.platform.ledger.verify()).toMatchObject({ ok: true })
  expect(nonGets(p)).toEqual([])
}, 20_000)

test('a replica that stops heart-beating (hung, or its host vanished) is dead once its heartbeat is stale, even while its lock is held', async () => {
  pair = await createReplicaPair()
  const [job] = await stoppableDliJobs(pair, 1)
  if (!job) throw new Error('need a job')
  const intent = await openIntent(pair.a.platform.ledger, job)

  pair.clock.advance(STALE_AFTER_MS - 1_000)
  await pair.b.replica.beat()
  expect(await pair.b.replica.liveIds()).toEqual(new Set([pair.a.replica.id, pair.b.replica.id]))
  expect(await pair.b.services.workloads.reconcile()).toBe(0)

  pair.clock.advance(2_000)
  await pair.b.replica.beat()
  expect(await pair.b.replica.liveIds()).toEqual(new Set([pair.b.replica.id]))
  expect(await pair.b.services.workloads.reconcile()).toBe(1)
  expect(await outcomesOf(pair, intent.id)).toEqual([
    expect.objectContaining({ source: 'reconciler', finalState: 'running' }),
  ])

  // A's next heartbeat brings it back: its new intents are its own again.
  await pair.a.replica.beat()
  const later = await openIntent(pair.a.platform.ledger, job)
  expect(await pair.b.services.workloads.reconcile()).toBe(0)
  expect(await outcomesOf(pair, later.id)).toEqual([])
})

test('a cleanly stopped replica is gone at once, and its left-over intents are reconciled', async () => {
  pair = await createReplicaPair()
  const [job] = await stoppableDliJobs(pair, 1)
  if (!job) throw new Error('need a job')
  const intent = await openIntent(pair.a.platform.ledger, job)
  await pair.a.replica.stop()
  expect(await pair.b.replica.liveIds()).toEqual(new Set([pair.b.replica.id]))
  expect(await pair.b.services.workloads.reconcile()).toBe(1)
  expect((await outcomesOf(pair, intent.id)).map((o) => o.source)).toEqual(['reconciler'])
})

test('two replicas reconciling at the same time record exactly one outcome per orphaned intent', async () => {
  pair = await createReplicaPair()
  const jobs = await stoppableDliJobs(pair, 6)
  // Intents of a process that left no owner (e.g. written before replicas were tracked): orphans.
  const legacy = createLedger(pair.a.handle.db, pair.clock)
  const intents = await Promise.all(jobs.map((w) => openIntent(legacy, w)))
  pair.sim.control.clearRequests()

  for (let round = 0; round < 3; round++) {
    const counts = await Promise.all([
      pair.a.services.workloads.reconcile(),
      pair.b.services.workloads.reconcile(),
    ])
    expect(counts.reduce((x, y) => x + y, 0)).toBe(round === 0 ? intents.length : 0)
  }
  for (const i of intents)
    expect((await outcomesOf(pair, i.id)).map((o) => o.source)).toEqual(['reconciler'])
  expect(await pair.a.platform.ledger.verify()).toMatchObject({
    ok: true,
    rows: 2 * intents.length,
  })
  expect(nonGets(pair)).toEqual([])
})
