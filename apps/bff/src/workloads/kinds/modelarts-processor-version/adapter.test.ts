import { expect, test } from 'vitest'
import { ListQuery, parseModelArtsVersionId as parseVersionId } from '@ops-console/contracts'
import { describeUpstreamError } from '../../cloud-errors.js'
import {
  createHarness,
  META,
  outcomesOf,
  user,
  type Harness,
} from '../../testing/workloads-harness.js'
import { modelArtsVersionAdapter } from './adapter.js'

const KIND = 'modelarts-processor-version'

async function pick(h: Harness, state: string) {
  const list = await h.services.workloads.list(
    user('admin'),
    KIND,
    ListQuery.parse({ target: h.target, state, limit: 5000 }),
  )
  const w = list.items[0]
  if (!w) throw new Error(`no ${state} version in the simulated world`)
  return w
}

test('lists every version of every processor task with the integer status kept as raw status', async () => {
  const h = await createHarness()
  const list = await h.services.workloads.list(
    user('viewer'),
    KIND,
    ListQuery.parse({ target: h.target, limit: 5000 }),
  )
  const tasks = await h.cloud.client.modelarts.listTasks({ limit: 100 })
  expect(new Set(list.items.map((w) => w.extra.taskId))).toEqual(
    new Set(tasks.data.tasks.filter((t) => (t.version_count ?? 1) > 0).map((t) => t.task_id)),
  )
  expect(list.items.every((w) => ['0', '1', '2', '3', '4'].includes(w.rawStatus))).toBe(true)
  await h.close()
})

test('detail reads task and version; an unknown version is 404', async () => {
  const h = await createHarness()
  const w = await pick(h, 'running')
  const detail = await h.services.workloads.detail(user('viewer'), {
    kind: KIND,
    target: h.target,
    id: w.id,
  })
  expect(detail.workload).toMatchObject({ id: w.id, state: 'running', rawStatus: '1' })
  expect(detail.raw).toMatchObject({ task_version_id: parseVersionId(w.id)?.versionId })
  await expect(
    h.services.workloads.detail(user('viewer'), {
      kind: KIND,
      target: h.target,
      id: `${String(w.extra.taskId)}:nosuchversion`,
    }),
  ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  await h.close()
})

test('stop is audited and watched until status 4; the stopped version can then be deleted', async () => {
  const h = await createHarness()
  const w = await pick(h, 'running')
  const ref = { kind: KIND, target: h.target, id: w.id } as const
  const stop = await h.services.workloads.stop(
    user('operator'),
    ref,
    { reason: 'bad input data' },
    META,
  )
  await h.services.workloads.idle()
  expect(await outcomesOf(h, stop.auditId ?? '')).toEqual([
    expect.objectContaining({ source: 'request', outcome: 'success', httpStatus: 200 }),
    expect.objectContaining({ source: 'watcher', outcome: 'success', finalState: 'stopped' }),
  ])
  const del = await h.services.workloads.delete(
    user('admin'),
    ref,
    { reason: 'cleanup', confirmName: w.name },
    META,
  )
  expect(await outcomesOf(h, del.auditId ?? '')).toEqual([
    expect.objectContaining({ outcome: 'success', httpStatus: 204 }),
  ])
  await expect(h.services.workloads.detail(user('admin'), ref)).rejects.toMatchObject({
    code: 'NOT_FOUND',
  })
  await h.close()
})

test('documented ModelArts errors surface with their codes (4851 unknown version, stop of a finished version)', async () => {
  const h = await createHarness()
  const done = await pick(h, 'succeeded')
  const taskId = String(done.extra.taskId)
  const missing = describeUpstreamError(
    await Promise.resolve()
      .then(() => modelArtsVersionAdapter.stop(h.cloud, `${taskId}:nosuchversion`, {}))
      .catch((e: unknown) => e),
  )
  expect(missing).toMatchObject({ code: 'UPSTREAM_REJECTED', cloudCode: 'ModelArts.4851' })
  const finished = describeUpstreamError(
    await Promise.resolve()
      .then(() => modelArtsVersionAdapter.stop(h.cloud, done.id, {}))
      .catch((e: unknown) => e),
  )
  expect(finished).toMatchObject({ code: 'UPSTREAM_REJECTED', outcome: 'failure' })
  expect(finished.cloudCode).toMatch(/^ModelArts\./)
  await h.close()
})
