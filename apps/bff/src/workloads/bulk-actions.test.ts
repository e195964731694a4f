import { expect, test } from 'vitest'
import { ListQuery, type Workload } from '@ops-console/contracts'
import { dliFlinkJobAdapter } from './kinds/dli-flink-job/adapter.js'
import {
  auditTrail,
  createHarness,
  META,
  outcomesOf,
  user,
  type Harness,
} from './testing/workloads-harness.js'

async function items(
  h: Harness,
  kind: Workload['kind'],
  rawStatus: string,
  n: number,
): Promise<Workload[]> {
  const list = await h.services.workloads.list(
    user('admin'),
    kind,
    ListQuery.parse({ target: h.target, limit: 5000 }),
  )
  const found = list.items.filter((w) => w.rawStatus === rawStatus).slice(0, n)
  if (found.length < n) throw new Error(`need ${n} ${kind} in ${rawStatus}`)
  return found
}
const refOf = (w: Workload) => ({ kind: w.kind, target: w.target, id: w.id })

test('bulk stop: DLI jobs share one batch call, each item keeps its own intent and outcome; ineligible items are skipped', async () => {
  const h = await createHarness()
  const dli = await items(h, 'dli-flink-job', 'job_running', 2)
  const [stopped] = await items(h, 'dli-flink-job', 'job_cancel_success', 1)
  const [ma] = await items(h, 'modelarts-processor-version', '1', 1)
  const list = [...dli, stopped, ma].map((w) => ({ ref: refOf(w as Workload) }))
  h.sim.control.clearRequests()
  const results = await h.services.workloads.bulkStop(
    user('operator'),
    [...list, { ref: { kind: 'dli-flink-job' as const, target: h.target, id: 'x:y' } }],
    { reason: 'incident 42', triggerSavepoint: false },
    META,
  )
  expect(results.map((r) => r.status)).toEqual([
    'accepted',
    'accepted',
    'skipped',
    'accepted',
    'skipped',
  ])
  expect(results[2]?.error).toMatchObject({ code: 'ACTION_NOT_ALLOWED' })
  expect(results[4]?.error).toMatchObject({ code: 'VALIDATION_FAILED' })
  const batchCalls = h
    .upstream()
    .filter((r) => r.method === 'POST' && r.path.endsWith('/streaming/jobs/stop'))
  expect(batchCalls).toHaveLength(1)
  for (const w of dli) expect(batchCalls[0]?.bodyExcerpt).toContain(w.id)
  await h.services.workloads.idle()
  const intents = (await auditTrail(h)).filter((r) => r.type === 'intent')
  expect(intents.map((r) => r.body.workloadId)).toEqual([dli[0]?.id, dli[1]?.id, ma?.id])
  for (const r of results.filter((x) => x.status === 'accepted')) {
    expect(
      (await outcomesOf(h, r.auditId ?? '')).map((o) => [o.source, o.outcome].join(':')),
    ).toEqual(['request:success', 'watcher:success'])
  }
  await h.close()
})

test('a per-job error inside one DLI batch answer fails only that job', async () => {
  const h = await createHarness()
  const [running] = await items(h, 'dli-flink-job', 'job_running', 1)
  const [stopped] = await items(h, 'dli-flink-job', 'job_cancel_success', 1)
  if (!running || !stopped) throw new Error('need jobs')
  const outcomes = await dliFlinkJobAdapter.stopBatch?.(h.cloud, [running.id, stopped.id], {})
  expect(outcomes?.[0]).toMatchObject({ ok: true })
  expect(outcomes?.[1]).toMatchObject({
    ok: false,
    failure: { code: 'UPSTREAM_REJECTED', cloudCode: 'DLI.15002', outcome: 'failure' },
  })
  await h.close()
})

test('bulk delete: each item needs its own exact confirmation; duplicates are skipped', async () => {
  const h = await createHarness()
  const [x, y] = await items(h, 'dli-flink-job', 'job_cancel_success', 2)
  if (!x || !y) throw new Error('need two stopped jobs')
  const results = await h.services.workloads.bulkDelete(
    user('admin'),
    [
      { ref: refOf(x), confirmName: x.name },
      { ref: refOf(y), confirmName: 'wrong' },
      { ref: refOf(x), confirmName: x.name },
    ],
    { reason: 'cleanup' },
    META,
  )
  expect(results.map((r) => [r.status, r.error?.code])).toEqual([
    ['accepted', undefined],
    ['skipped', 'CONFIRMATION_MISMATCH'],
    ['skipped', 'CONFLICT'],
  ])
  expect(
    h
      .upstream()
      .filter((r) => r.method === 'DELETE')
      .map((r) => r.path),
  ).toEqual([expect.stringContaining(x.id)])
  await h.close()
})

test('bulk actions with the audit log down fail every item and forward nothing', async () => {
  const h = await createHarness()
  const dli = await items(h, 'dli-flink-job', 'job_running', 2)
  await h.ctx.testDb.db.destroy()
  const results = await h.services.workloads.bulkStop(
    user('operator'),
    dli.map((w) => ({ ref: refOf(w) })),
    { reason: 'incident 42' },
    META,
  )
  expect(results.map((r) => [r.status, r.error?.code])).toEqual([
    ['failed', 'AUDIT_UNAVAILABLE'],
    ['failed', 'AUDIT_UNAVAILABLE'],
  ])
  expect(h.upstream().filter((r) => r.method !== 'GET')).toEqual([])
  await h.services.close()
})
