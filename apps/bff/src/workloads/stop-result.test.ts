import { expect, test } from 'vitest'
import { ListQuery, type Workload } from '@ops-console/contracts'
import { createHarness, META, user, type Harness } from './testing/workloads-harness.js'
import { dliFlinkJobAdapter } from './kinds/dli-flink-job/adapter.js'
import { observeAfterStop } from './workload-actions.js'
import type { Prepared } from './action-core.js'
import type { Observed } from './types.js'

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

test('an accepted stop answers with the workload as re-read after the stop: stopping, no second stop offered', async () => {
  // A slow stop, so the watcher (which advances the manual clock) cannot finish it before the re-read.
  const h = await createHarness({ sim: { stopDelayMs: 10 * 60_000 } })
  const w = await runningDli(h)
  const res = await h.services.workloads.stop(
    user('operator'),
    refOf(w),
    { reason: 'runaway job' },
    META,
  )
  expect(res.status).toBe('accepted')
  expect(res.workload).toMatchObject({ state: 'stopping', rawStatus: 'job_canceling' })
  expect(res.workload?.actions.stop.allowed).toBe(false)
  expect(res.workload?.lastAction).toMatchObject({ action: 'stop', actor: 'operator' })
  await h.close()
})

test('bulk stop results show each accepted workload as stopping without a re-read per item', async () => {
  const h = await createHarness()
  const w = await runningDli(h)
  const [res] = await h.services.workloads.bulkStop(
    user('operator'),
    [{ ref: refOf(w) }],
    { reason: 'runaway job' },
    META,
  )
  expect(res?.workload).toMatchObject({ state: 'stopping', rawStatus: 'job_running' })
  await h.close()
})

test('a re-read that still shows the old status, or fails, is shown as stopping; a finished one as it is', async () => {
  const h = await createHarness()
  const w = await runningDli(h)
  const observed = await dliFlinkJobAdapter.get(h.cloud, w.id)
  if (!observed) throw new Error('the running job is gone')
  const base = { req: { action: 'stop' as const, ref: refOf(w), reason: 'x' }, target: h.cloud }
  const adapter = (get: () => Promise<Observed | null>) =>
    ({ kind: 'dli-flink-job', get }) as unknown as Prepared['adapter']
  const still = await observeAfterStop(
    { ...base, observed, adapter: adapter(() => Promise.resolve(observed)) },
    true,
  )
  expect(still).toMatchObject({ state: 'stopping', rawStatus: 'job_running' })
  const failed = await observeAfterStop(
    { ...base, observed, adapter: adapter(() => Promise.reject(new Error('read failed'))) },
    true,
  )
  expect(failed).toMatchObject({ state: 'stopping', rawStatus: 'job_running' })
  const done = { ...observed, state: 'stopped' as const, rawStatus: 'job_cancel_success' }
  expect(
    await observeAfterStop(
      { ...base, observed, adapter: adapter(() => Promise.resolve(done)) },
      true,
    ),
  ).toBe(done)
  await h.close()
})
