import { expect, test } from 'vitest'
import { ListQuery, type Workload } from '@ops-console/contracts'
import {
  auditTrail,
  createHarness,
  META,
  outcomesOf,
  user,
  type Harness,
} from './testing/workloads-harness.js'

async function runningDli(h: Harness): Promise<Workload> {
  const list = await h.services.workloads.list(
    user('admin'),
    'dli-flink-job',
    ListQuery.parse({ target: h.target, limit: 5000 }),
  )
  const w = list.items.find((x) => x.rawStatus === 'job_running')
  if (!w) throw new Error('no running DLI job')
  return w
}
const refOf = (w: Workload) => ({ kind: w.kind, target: w.target, id: w.id })
const mutations = (h: Harness) => h.upstream().filter((r) => r.method !== 'GET')

test('ids that fail the kind-specific check, and unknown targets, are refused before any cloud call', async () => {
  const h = await createHarness()
  const cases = [
    { kind: 'dli-flink-job', target: h.target, id: 'abc' },
    { kind: 'codearts-build', target: h.target, id: 'job:0' },
    { kind: 'modelarts-processor-version', target: h.target, id: 'only-one-part' },
    { kind: 'dataarts-script-instance', target: h.target, id: 'a:b:c' },
    { kind: 'dataarts-job', target: h.target, id: '../x' },
  ] as const
  for (const ref of cases) {
    await expect(
      h.services.workloads.stop(user('admin'), ref, { reason: 'test input' }, META),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400 })
  }
  await expect(
    h.services.workloads.stop(
      user('admin'),
      { kind: 'dli-flink-job', target: 'nowhere', id: '1' },
      { reason: 'test input' },
      META,
    ),
  ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  expect(h.upstream()).toEqual([])
  expect(await auditTrail(h)).toEqual([])
  await h.close()
})

test('when the audit database is down the stop answers AUDIT_UNAVAILABLE and nothing is forwarded', async () => {
  const h = await createHarness()
  const w = await runningDli(h)
  await h.ctx.testDb.db.destroy()
  await expect(
    h.services.workloads.stop(user('operator'), refOf(w), { reason: 'runaway job' }, META),
  ).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE', status: 503 })
  expect(mutations(h)).toEqual([])
  await h.services.close()
})

test('role, protection and state are checked before the intent; refusals send nothing', async () => {
  const h = await createHarness({ config: { protectedWorkloads: [{ namePattern: '*' }] } })
  const w = await runningDli(h)
  // Listed rows say so, for the marker and the admin's warning.
  expect(w.protected).toBe(true)
  await expect(
    h.services.workloads.stop(user('viewer'), refOf(w), { reason: 'runaway job' }, META),
  ).rejects.toMatchObject({ code: 'FORBIDDEN' })
  await expect(
    h.services.workloads.stop(user('operator'), refOf(w), { reason: 'runaway job' }, META),
  ).rejects.toMatchObject({
    code: 'PROTECTED_WORKLOAD',
    status: 403,
    message: `Only an admin may stop '${w.name}': it is protected`,
  })
  await expect(
    h.services.workloads.delete(
      user('admin'),
      refOf(w),
      { reason: 'cleanup', confirmName: w.name },
      META,
    ),
  ).rejects.toMatchObject({ code: 'ACTION_NOT_ALLOWED', status: 409 })
  expect(mutations(h)).toEqual([])
  expect(await auditTrail(h)).toEqual([])
  // Admins may act on protected workloads.
  await expect(
    h.services.workloads.stop(user('admin'), refOf(w), { reason: 'runaway job' }, META),
  ).resolves.toMatchObject({ ok: true })
  await h.close()
})

test('an upstream refusal is answered with UPSTREAM_* and the cloud details, and audited as a failure', async () => {
  const h = await createHarness()
  const w = await runningDli(h)
  h.sim.control.injectFault({
    service: 'dli',
    method: 'POST',
    path: '/streaming/jobs/stop',
    kind: 'status',
    status: 500,
  })
  const err = await h.services.workloads
    .stop(user('operator'), refOf(w), { reason: 'runaway job' }, META)
    .catch((e: unknown) => e)
  expect(err).toMatchObject({
    code: 'UPSTREAM_UNAVAILABLE',
    extra: { upstream: { service: 'dli', status: 500, cloudCode: 'DLI.0999' } },
  })
  const trail = await auditTrail(h)
  expect(trail.map((r) => r.type)).toEqual(['intent', 'outcome'])
  expect(trail[1]?.body).toMatchObject({
    outcome: 'failure',
    httpStatus: 500,
    cloudCode: 'DLI.0999',
    source: 'request',
  })
  expect(trail[1]?.body.upstreamRequestId).toBeTruthy()
  await h.close()
})

test('a connection reset during a stop leaves the outcome unknown (the cloud may have acted)', async () => {
  const h = await createHarness()
  const w = await runningDli(h)
  h.sim.control.injectFault({
    service: 'dli',
    method: 'POST',
    path: '/streaming/jobs/stop',
    kind: 'reset',
  })
  await expect(
    h.services.workloads.stop(user('operator'), refOf(w), { reason: 'runaway job' }, META),
  ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' })
  const [intent] = (await auditTrail(h)).filter((r) => r.type === 'intent')
  expect(await outcomesOf(h, intent?.intentId ?? '')).toEqual([
    expect.objectContaining({ outcome: 'unknown', httpStatus: null }),
  ])
  await h.close()
})

test('a timed-out stop is UPSTREAM_TIMEOUT and audited as unknown', async () => {
  const h = await createHarness({ clientTimeoutMs: 100 })
  const w = await runningDli(h)
  h.sim.control.injectFault({
    service: 'dli',
    method: 'POST',
    path: '/streaming/jobs/stop',
    kind: 'hang',
  })
  await expect(
    h.services.workloads.stop(user('operator'), refOf(w), { reason: 'runaway job' }, META),
  ).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT', status: 504 })
  const outcome = (await auditTrail(h)).find((r) => r.type === 'outcome')
  expect(outcome?.body).toMatchObject({ outcome: 'unknown' })
  await h.close()
})

test('a stop the cloud never completes is recorded by the watcher as not-confirmed', async () => {
  const h = await createHarness({
    sim: { stopDelayMs: 10 * 60_000 },
    config: { stopWatch: { timeoutMs: 30_000, pollMs: 5_000 } },
  })
  const w = await runningDli(h)
  const res = await h.services.workloads.stop(
    user('operator'),
    refOf(w),
    { reason: 'runaway job' },
    META,
  )
  await h.services.workloads.idle()
  expect((await outcomesOf(h, res.auditId ?? ''))[1]).toMatchObject({
    source: 'watcher',
    outcome: 'unknown',
    finalState: 'not-confirmed',
    timeToStopMs: null,
  })
  // The check before the stop, the re-read after it, then six polls of 5 s within the 30 s window.
  expect(
    h.upstream().filter((r) => r.method === 'GET' && r.path.endsWith(`/streaming/jobs/${w.id}`))
      .length,
  ).toBe(1 + 1 + 6)
  await h.close()
})

test('shutdown ends a running watcher early and records why', async () => {
  let release: () => void = () => undefined
  const h = await createHarness({ sleep: () => new Promise<void>((r) => (release = r)) })
  const w = await runningDli(h)
  const res = await h.services.workloads.stop(
    user('operator'),
    refOf(w),
    { reason: 'runaway job' },
    META,
  )
  await h.services.close()
  release()
  expect((await outcomesOf(h, res.auditId ?? ''))[1]).toMatchObject({
    source: 'watcher',
    finalState: 'not-confirmed',
    cloudMessage: 'watching ended by shutdown',
  })
  await h.ctx.close()
})

test('a second stop of the same workload while the first is in flight is refused, not sent twice', async () => {
  const h = await createHarness()
  const w = await runningDli(h)
  h.sim.control.injectFault({
    service: 'dli',
    method: 'POST',
    path: '/streaming/jobs/stop',
    kind: 'latency',
    ms: 50,
  })
  const first = h.services.workloads.stop(
    user('operator'),
    refOf(w),
    { reason: 'runaway job' },
    META,
  )
  const second = h.services.workloads.stop(
    user('admin'),
    refOf(w),
    { reason: 'double click' },
    META,
  )
  await expect(second).rejects.toMatchObject({ code: 'CONFLICT', status: 409 })
  await expect(first).resolves.toMatchObject({ ok: true })
  expect(mutations(h)).toHaveLength(1)
  // Once the first has its outcome, the workload is free again (and now refused for its state).
  await expect(
    h.services.workloads.stop(user('admin'), refOf(w), { reason: 'again' }, META),
  ).rejects.toMatchObject({ code: 'ACTION_NOT_ALLOWED' })
  await h.close()
})
