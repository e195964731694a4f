import { expect, test } from 'vitest'
import { createCloudSim } from '@ops-console/cloud-sim'
import { ListQuery, type AuditIntent, type Workload } from '@ops-console/contracts'
import { createLedger } from '../audit/ledger.js'
import type { AuditLedger } from '../audit/types.js'
import type { ReplicaView } from '../lib/replica-presence.js'
import { intentInput } from '../testing/audit-fixtures.js'
import { createTestContext } from '../testing/test-deps.js'
import { OWNED_GRACE_MS } from './reconcile.js'
import { createAppServices } from './services.js'
import { createHarness, outcomesOf, user, type Harness } from './testing/workloads-harness.js'

async function dliJobs(h: Harness, rawStatus: string, n: number): Promise<Workload[]> {
  const list = await h.services.workloads.list(
    user('admin'),
    'dli-flink-job',
    ListQuery.parse({ target: h.target, limit: 5000 }),
  )
  return list.items.filter((w) => w.rawStatus === rawStatus).slice(0, n)
}

/** An intent as a crashed process would have left it: committed, no outcome. */
function openIntent(h: Harness, w: Workload, action: AuditIntent['action']): Promise<AuditIntent> {
  return h.ctx.deps.ledger.recordIntent({
    action,
    actor: 'operator',
    role: 'operator',
    sourceIp: null,
    userAgent: null,
    requestId: 'before-crash',
    reason: 'crash test',
    kind: w.kind,
    target: w.target,
    workloadId: w.id,
    workloadName: w.name,
    stateBefore: w.state,
    options: {},
  })
}

test('reconcile settles open intents from the observed state only and never re-sends anything', async () => {
  const h = await createHarness()
  const [sentStop, neverSent] = await dliJobs(h, 'job_running', 2)
  const [deleted] = await dliJobs(h, 'job_cancel_success', 1)
  if (!sentStop || !neverSent || !deleted) throw new Error('need jobs')
  const a = await openIntent(h, sentStop, 'workload.stop')
  const b = await openIntent(h, neverSent, 'workload.stop')
  const c = await openIntent(h, deleted, 'workload.delete')
  const d = await h.ctx.deps.ledger.recordIntent({
    ...a,
    action: 'script.execute',
    kind: 'dataarts-script-instance',
    workloadId: 'some_script',
    workloadName: 'some_script',
  })
  // The process died after sending these two calls but before recording their outcomes.
  await h.cloud.client.dli.stopJobs([sentStop.id])
  await h.cloud.client.dli.deleteJob(deleted.id)
  h.sim.control.advance(60_000)
  h.sim.control.clearRequests()

  expect(await h.services.workloads.reconcile()).toBe(4)
  expect(h.upstream().filter((r) => r.method !== 'GET')).toEqual([])
  expect(await outcomesOf(h, a.id)).toEqual([
    expect.objectContaining({ source: 'reconciler', outcome: 'success', finalState: 'stopped' }),
  ])
  expect(await outcomesOf(h, b.id)).toEqual([
    expect.objectContaining({ source: 'reconciler', outcome: 'unknown', finalState: 'running' }),
  ])
  expect(await outcomesOf(h, c.id)).toEqual([
    expect.objectContaining({ source: 'reconciler', outcome: 'success', finalState: 'gone' }),
  ])
  expect(await outcomesOf(h, d.id)).toEqual([
    expect.objectContaining({ source: 'reconciler', outcome: 'unknown' }),
  ])
  // Settled intents are not reconciled twice.
  expect(await h.services.workloads.reconcile()).toBe(0)
  await h.close()
})

test('reconcile records unknown with the read error when the cloud cannot be reached', async () => {
  const h = await createHarness()
  const [w] = await dliJobs(h, 'job_running', 1)
  if (!w) throw new Error('need a job')
  const intent = await openIntent(h, w, 'workload.stop')
  h.sim.control.injectFault({ service: 'dli', kind: 'status', status: 503 })
  await h.services.workloads.reconcile()
  expect(await outcomesOf(h, intent.id)).toEqual([
    expect.objectContaining({
      source: 'reconciler',
      outcome: 'unknown',
      cloudCode: 'DLI.0999',
      finalState: null,
    }),
  ])
  await h.close()
})

/** A replica view whose live set and lock the test decides (the PostgreSQL one is tested in test/replicas). */
function fakeReplica(id: string, live: string[], lockFree = true): ReplicaView {
  return {
    id,
    liveIds: () => Promise.resolve(new Set([id, ...live])),
    exclusive: async (fn) => (lockFree ? fn() : null),
  }
}

/** Workload services whose ledger writes as `replica` (like src/lib/platform.ts does). */
async function servicesAs(replica: ReplicaView) {
  const sim = createCloudSim({ clock: 'manual', stopFailureRate: 0 })
  const ctx = await createTestContext()
  ctx.deps.ledger = createLedger(ctx.testDb.db, ctx.clock, { replica })
  const services = createAppServices(ctx.deps, {
    sim,
    clientOverrides: { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
  })
  const list = await services.workloads.list(
    user('admin'),
    'dli-flink-job',
    ListQuery.parse({ limit: 5000 }),
  )
  const running = list.items.filter((w) => w.state === 'running')
  const intentOf = (ledger: AuditLedger, w: Workload | undefined) => {
    if (!w) throw new Error('need a running job')
    return ledger.recordIntent({
      ...intentInput(),
      kind: w.kind,
      target: w.target,
      workloadId: w.id,
      workloadName: w.name,
    })
  }
  const settled = async (id: string) =>
    (
      await ctx.testDb.db
        .selectFrom('audit_entries')
        .select('settled')
        .where('intent_id', '=', id)
        .executeTakeFirstOrThrow()
    ).settled
  return {
    ctx,
    sim,
    services,
    running,
    intentOf,
    settled,
    close: async () => Promise.all([services.close(), ctx.close()]),
  }
}

test('with replicas: intents of live replicas are left alone until they outlive the grace period; dead owners and owner-less intents are settled', async () => {
  const self = fakeReplica('self', ['other'])
  const w = await servicesAs(self)
  const asOther = createLedger(w.ctx.testDb.db, w.ctx.clock, { replica: fakeReplica('other', []) })
  const asGone = createLedger(w.ctx.testDb.db, w.ctx.clock, { replica: fakeReplica('gone', []) })
  const old = await w.intentOf(asOther, w.running[0])
  w.ctx.clock.advance(OWNED_GRACE_MS)
  const own = await w.intentOf(w.ctx.deps.ledger, w.running[1])
  const othersFresh = await w.intentOf(asOther, w.running[2])
  const orphan = await w.intentOf(asGone, w.running[3])
  const ownerless = await w.intentOf(createLedger(w.ctx.testDb.db, w.ctx.clock), w.running[4])
  expect(own.options.replica).toBe('self')

  expect(await w.services.workloads.reconcile()).toBe(2)
  expect([await w.settled(orphan.id), await w.settled(ownerless.id)]).toEqual([1, 1])
  expect([
    await w.settled(own.id),
    await w.settled(othersFresh.id),
    await w.settled(old.id),
  ]).toEqual([0, 0, 0])

  // One millisecond past the grace period the stuck intent of a live replica is settled too.
  w.ctx.clock.advance(1)
  expect(await w.services.workloads.reconcile()).toBe(1)
  expect(await w.settled(old.id)).toBe(1)
  expect(w.sim.control.requests().filter((r) => r.service !== null && r.method !== 'GET')).toEqual(
    [],
  )
  await w.close()
})

test('with replicas: while another replica holds the reconciliation lock nothing is recorded', async () => {
  const w = await servicesAs(fakeReplica('self', [], false))
  const orphan = await w.intentOf(createLedger(w.ctx.testDb.db, w.ctx.clock), w.running[0])
  expect(await w.services.workloads.reconcile()).toBe(0)
  expect(await w.settled(orphan.id)).toBe(0)
  await w.close()
})
