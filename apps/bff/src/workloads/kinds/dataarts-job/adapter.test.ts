import { expect, test } from 'vitest'
import { ListQuery } from '@ops-console/contracts'
import { describeUpstreamError } from '../../cloud-errors.js'
import {
  createHarness,
  META,
  outcomesOf,
  user,
  type Harness,
} from '../../testing/workloads-harness.js'
import { dataArtsJobAdapter } from './adapter.js'

const KIND = 'dataarts-job'

async function pick(h: Harness, jobType: string, rawStatus: string) {
  const list = await h.services.workloads.list(
    user('admin'),
    KIND,
    ListQuery.parse({ target: h.target, limit: 5000 }),
  )
  const w = list.items.find((x) => x.extra.jobType === jobType && x.rawStatus === rawStatus)
  if (!w) throw new Error(`no ${jobType} ${rawStatus} job in the simulated world`)
  return w
}

test('lists REAL_TIME and BATCH jobs (two list calls per target), paginated to the full total', async () => {
  const h = await createHarness({ sim: { size: 400 } })
  const list = await h.services.workloads.list(
    user('viewer'),
    KIND,
    ListQuery.parse({ target: h.target, limit: 5000 }),
  )
  const types = new Set(list.items.map((w) => w.extra.jobType))
  expect(types).toEqual(new Set(['REAL_TIME', 'BATCH']))
  const calls = h.upstream().filter((r) => r.path.endsWith('/jobs') && r.method === 'GET')
  expect(new Set(calls.map((r) => r.query.jobType))).toEqual(new Set(['REAL_TIME', 'BATCH']))
  // More jobs than one page of 100: later pages were fetched with record offsets.
  expect(list.total).toBeGreaterThan(100)
  expect(calls.some((r) => r.query.offset === '100')).toBe(true)
  expect(new Set(list.items.map((w) => w.id)).size).toBe(list.total)
  await h.close()
})

test('detail merges the list status with the job definition; an unknown job is 404', async () => {
  const h = await createHarness()
  const w = await pick(h, 'REAL_TIME', 'NORMAL')
  const detail = await h.services.workloads.detail(user('viewer'), {
    kind: KIND,
    target: h.target,
    id: w.id,
  })
  expect(detail.workload).toMatchObject({ id: w.id, state: 'running', rawStatus: 'NORMAL' })
  expect(detail.raw).toMatchObject({ name: w.id, definition: { name: w.id } })
  await expect(
    h.services.workloads.detail(user('viewer'), {
      kind: KIND,
      target: h.target,
      id: 'no_such_job',
    }),
  ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  await h.close()
})

test('stopping a real-time job is audited and watched until STOPPED', async () => {
  const h = await createHarness()
  const w = await pick(h, 'REAL_TIME', 'NORMAL')
  const res = await h.services.workloads.stop(
    user('operator'),
    { kind: KIND, target: h.target, id: w.id },
    { reason: 'stuck stream' },
    META,
  )
  expect(res.status).toBe('accepted')
  await h.services.workloads.idle()
  const outcomes = await outcomesOf(h, res.auditId ?? '')
  expect(outcomes[0]).toMatchObject({ source: 'request', outcome: 'success', httpStatus: 204 })
  expect(outcomes[1]).toMatchObject({
    source: 'watcher',
    outcome: 'success',
    finalState: 'stopped',
  })
  await h.close()
})

test('a batch job stop turns its schedule off; delete of the stopped job is audited', async () => {
  const h = await createHarness()
  const w = await pick(h, 'BATCH', 'SCHEDULING')
  const ref = { kind: KIND, target: h.target, id: w.id } as const
  await h.services.workloads.stop(user('operator'), ref, { reason: 'pause schedule' }, META)
  await h.services.workloads.idle()
  expect((await h.services.workloads.detail(user('admin'), ref)).workload.state).toBe('stopped')
  const res = await h.services.workloads.delete(
    user('admin'),
    ref,
    { reason: 'retired', confirmName: w.name },
    META,
  )
  expect(await outcomesOf(h, res.auditId ?? '')).toEqual([
    expect.objectContaining({ outcome: 'success', httpStatus: 204 }),
  ])
  await expect(h.services.workloads.detail(user('admin'), ref)).rejects.toMatchObject({
    code: 'NOT_FOUND',
  })
  await h.close()
})

test('documented DLF errors surface with their cloud code (DLF.0100 for a missing job)', async () => {
  const h = await createHarness()
  for (const call of [
    () => dataArtsJobAdapter.stop(h.cloud, 'no_such_job', {}),
    () => dataArtsJobAdapter.delete?.(h.cloud, 'no_such_job'),
  ]) {
    const err = describeUpstreamError(
      await Promise.resolve()
        .then(call)
        .catch((e: unknown) => e),
    )
    expect(err).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      cloudCode: 'DLF.0100',
      httpStatus: 400,
      outcome: 'failure',
    })
  }
  expect(await dataArtsJobAdapter.get(h.cloud, 'no_such_job')).toBeNull()
  await h.close()
})
