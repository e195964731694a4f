import { expect, test } from 'vitest'
import { ListQuery, type AuditIntent, type Workload } from '@ops-console/contracts'
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
