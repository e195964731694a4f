import { expect, test } from 'vitest'
import { ListQuery } from '@ops-console/contracts'
import { describeUpstreamError } from '../../cloud-errors.js'
import {
  auditTrail,
  createHarness,
  META,
  outcomesOf,
  user,
  type Harness,
} from '../../testing/workloads-harness.js'
import { dliFlinkJobAdapter } from './adapter.js'

const KIND = 'dli-flink-job'

async function pick(h: Harness, rawStatus: string) {
  const list = await h.services.workloads.list(
    user('admin'),
    KIND,
    ListQuery.parse({ target: h.target, limit: 5000 }),
  )
  const w = list.items.find((x) => x.rawStatus === rawStatus)
  if (!w) throw new Error(`no ${rawStatus} DLI job in the simulated world`)
  return w
}

test('lists every DLI job of every target with normalized state and raw status', async () => {
  const h = await createHarness()
  const list = await h.services.workloads.list(
    user('viewer'),
    KIND,
    ListQuery.parse({ limit: 5000 }),
  )
  expect(list.sources.every((s) => s.ok && s.kind === KIND)).toBe(true)
  expect(list.total).toBe(list.sources.reduce((n, s) => n + s.count, 0))
  expect(list.items.every((w) => /^\d+$/.test(w.id) && w.rawStatus.startsWith('job_'))).toBe(true)
  expect(list.items.find((w) => w.rawStatus === 'job_running')?.state).toBe('running')
  await h.close()
})

test('stop is not offered while a savepoint is written (DLI.15002 would refuse it)', async () => {
  const h = await createHarness()
  const w = await pick(h, 'job_savepointing')
  expect(w.actions.stop.allowed).toBe(false)
  await expect(
    h.services.workloads.stop(
      user('operator'),
      { kind: KIND, target: h.target, id: w.id },
      { reason: 'runaway job' },
      META,
    ),
  ).rejects.toMatchObject({ code: 'ACTION_NOT_ALLOWED' })
  expect(h.upstream().filter((r) => r.method === 'POST')).toHaveLength(0)
  await h.close()
})

test('detail returns the workload and the raw DLI fields; an unknown job id is 404', async () => {
  const h = await createHarness()
  const w = await pick(h, 'job_running')
  const detail = await h.services.workloads.detail(user('viewer'), {
    kind: KIND,
    target: h.target,
    id: w.id,
  })
  expect(detail.workload.id).toBe(w.id)
  expect(detail.raw).toMatchObject({ job_id: w.id, status: w.rawStatus })
  await expect(
    h.services.workloads.detail(user('viewer'), { kind: KIND, target: h.target, id: '999999999' }),
  ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  await h.close()
})

test('stop (with savepoint) is audited: intent, request outcome, then the watcher sees it stopped', async () => {
  const h = await createHarness()
  const w = await pick(h, 'job_running')
  const res = await h.services.workloads.stop(
    user('operator'),
    { kind: KIND, target: h.target, id: w.id },
    { reason: 'runaway job', triggerSavepoint: true },
    META,
  )
  expect(res).toMatchObject({ ok: true, status: 'accepted' })
  const sent = h.upstream().filter((r) => r.method === 'POST')
  expect(sent).toHaveLength(1)
  expect(sent[0]?.bodyExcerpt).toContain('"trigger_savepoint":true')
  await h.services.workloads.idle()
  const trail = await auditTrail(h)
  expect(trail[0]).toMatchObject({
    type: 'intent',
    body: {
      action: 'workload.stop',
      actor: 'operator',
      workloadId: w.id,
      options: { triggerSavepoint: true },
    },
  })
  const outcomes = await outcomesOf(h, res.auditId ?? '')
  expect(outcomes[0]).toMatchObject({ source: 'request', outcome: 'success', httpStatus: 200 })
  expect(outcomes[1]).toMatchObject({
    source: 'watcher',
    outcome: 'success',
    finalState: 'stopped',
  })
  expect(outcomes[1]?.timeToStopMs).toBeGreaterThan(0)
  await h.close()
})

test('a stop that DLI later reports as job_cancel_fail is recorded as a failed stop by the watcher', async () => {
  const h = await createHarness()
  const w = await pick(h, 'job_running')
  h.sim.control.forceStopFailure('dli', w.id)
  const res = await h.services.workloads.stop(
    user('operator'),
    { kind: KIND, target: h.target, id: w.id },
    { reason: 'runaway job' },
    META,
  )
  await h.services.workloads.idle()
  expect((await outcomesOf(h, res.auditId ?? ''))[1]).toMatchObject({
    source: 'watcher',
    outcome: 'failure',
    finalState: 'job_cancel_fail',
  })
  await h.close()
})

test('delete needs the exact name, then deletes and audits', async () => {
  const h = await createHarness()
  const w = await pick(h, 'job_cancel_success')
  const ref = { kind: KIND, target: h.target, id: w.id } as const
  await expect(
    h.services.workloads.delete(
      user('admin'),
      ref,
      { reason: 'cleanup', confirmName: `${w.name} ` },
      META,
    ),
  ).rejects.toMatchObject({ code: 'CONFIRMATION_MISMATCH' })
  expect(h.upstream().some((r) => r.method === 'DELETE')).toBe(false)
  const res = await h.services.workloads.delete(
    user('admin'),
    ref,
    { reason: 'cleanup', confirmName: w.name },
    META,
  )
  expect(res.ok).toBe(true)
  expect(await outcomesOf(h, res.auditId ?? '')).toEqual([
    expect.objectContaining({ outcome: 'success', source: 'request' }),
  ])
  await expect(h.services.workloads.detail(user('admin'), ref)).rejects.toMatchObject({
    code: 'NOT_FOUND',
  })
  await h.close()
})

test('documented DLI errors surface with their cloud code', async () => {
  const h = await createHarness()
  const stopped = await pick(h, 'job_cancel_success')
  const stopErr = describeUpstreamError(
    await dliFlinkJobAdapter.stop(h.cloud, stopped.id, {}).catch((e: unknown) => e),
  )
  expect(stopErr).toMatchObject({
    code: 'UPSTREAM_REJECTED',
    cloudCode: 'DLI.15002',
    outcome: 'failure',
  })
  const delErr = describeUpstreamError(
    await dliFlinkJobAdapter.delete?.(h.cloud, '999999999').catch((e: unknown) => e),
  )
  expect(delErr).toMatchObject({
    code: 'UPSTREAM_REJECTED',
    cloudCode: 'DLI.17001',
    httpStatus: 400,
  })
  expect(await dliFlinkJobAdapter.get(h.cloud, '999999999')).toBeNull()
  await h.close()
})

test('a batch answer that leaves a job unsettled records its stop as unknown, not as refused', async () => {
  const accepted = {
    jobId: '1',
    ok: true,
    outcome: 'accepted',
    code: null,
    message: null,
    source: 'reread',
  }
  const unsettled = {
    jobId: '2',
    ok: false,
    outcome: 'unknown',
    code: null,
    message: 'not mentioned in the batch answer; re-read shows job_running',
    source: 'reread',
  }
  const refused = {
    jobId: '3',
    ok: false,
    outcome: 'refused',
    code: 'DLI.16001',
    message: 'no such job',
    source: 'reread',
  }
  // A target whose client answers the batch stop with the given items (the client's re-read result).
  const targetAnswering = (items: object[]) =>
    ({
      name: 't',
      region: 'r',
      projectId: 'p',
      codeartsProjectIds: [],
      client: {
        dli: {
          stopJobs: () =>
            Promise.resolve({ data: items, status: 200, requestId: 'rq', durationMs: 1 }),
        },
      },
    }) as unknown as Parameters<NonNullable<typeof dliFlinkJobAdapter.stopBatch>>[0]
  const outcomes = await dliFlinkJobAdapter.stopBatch!(
    targetAnswering([accepted, unsettled, refused]),
    ['1', '2', '3'],
    {},
  )
  expect(outcomes.map((o) => (o.ok ? 'ok' : o.failure.outcome))).toEqual([
    'ok',
    'unknown',
    'failure',
  ])
  const single = await dliFlinkJobAdapter
    .stop(targetAnswering([unsettled]), '2', {})
    .catch((e: unknown) => e)
  expect(single).toMatchObject({ kind: 'parse', service: 'dli' })
  expect(describeUpstreamError(single).outcome).toBe('unknown')
})
