import { expect, test } from 'vitest'
import { ListQuery, parseCodeArtsBuildId as parseBuildId } from '@ops-console/contracts'
import { describeUpstreamError } from '../../cloud-errors.js'
import {
  createHarness,
  META,
  outcomesOf,
  user,
  type Harness,
} from '../../testing/workloads-harness.js'
import { codeArtsBuildAdapter } from './adapter.js'

const KIND = 'codearts-build'

async function pick(h: Harness, rawStatus: string) {
  const list = await h.services.workloads.list(
    user('admin'),
    KIND,
    ListQuery.parse({ target: h.target, limit: 5000 }),
  )
  const w = list.items.find((x) => x.rawStatus === rawStatus)
  if (!w) throw new Error(`no ${rawStatus} build in the simulated world`)
  return w
}

test('lists recent builds of every build task of every CodeArts project of the target', async () => {
  const h = await createHarness()
  const list = await h.services.workloads.list(
    user('viewer'),
    KIND,
    ListQuery.parse({ target: h.target, limit: 5000 }),
  )
  expect(list.sources).toEqual([
    expect.objectContaining({ ok: true, target: h.target, kind: KIND }),
  ])
  expect(list.items.length).toBeGreaterThan(0)
  for (const w of list.items)
    expect(parseBuildId(w.id)).toEqual({ jobId: w.extra.jobId, buildNo: w.extra.buildNo })
  const projects = h.sim.defaults.codeartsProjectIds[h.cloud.region] ?? []
  const listed = new Set(
    h
      .upstream()
      .filter((r) => /^\/v3\/[^/]+\/jobs$/.test(r.path))
      .map((r) => r.path.split('/')[2]),
  )
  expect(listed).toEqual(new Set(projects))
  expect(list.items.some((w) => w.state === 'running')).toBe(true)
  await h.close()
})

test('detail finds the build in the history; unknown builds and jobs are 404', async () => {
  const h = await createHarness()
  const w = await pick(h, 'SUCCESS')
  const detail = await h.services.workloads.detail(user('viewer'), {
    kind: KIND,
    target: h.target,
    id: w.id,
  })
  expect(detail.workload).toMatchObject({ id: w.id, name: w.name, state: 'succeeded' })
  expect(detail.raw).toMatchObject({ build_number: w.extra.buildNo, result: 'SUCCESS' })
  const jobId = String(w.extra.jobId)
  await expect(
    h.services.workloads.detail(user('viewer'), {
      kind: KIND,
      target: h.target,
      id: `${jobId}:99999`,
    }),
  ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  await expect(
    h.services.workloads.detail(user('viewer'), {
      kind: KIND,
      target: h.target,
      id: `${'nosuchjob'.padEnd(32, '0')}:1`,
    }),
  ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  await h.close()
})

test('stopping a running build is audited and watched until ABORTED', async () => {
  const h = await createHarness()
  const w = await pick(h, 'RUNNING')
  const res = await h.services.workloads.stop(
    user('operator'),
    { kind: KIND, target: h.target, id: w.id },
    { reason: 'wrong branch' },
    META,
  )
  expect(res.status).toBe('accepted')
  await h.services.workloads.idle()
  const outcomes = await outcomesOf(h, res.auditId ?? '')
  expect(outcomes[0]).toMatchObject({ source: 'request', outcome: 'success', httpStatus: 200 })
  expect(outcomes[1]).toMatchObject({
    source: 'watcher',
    outcome: 'success',
    finalState: 'stopped',
  })
  await h.close()
})

test('delete is never offered for a build and is refused without any cloud call', async () => {
  const h = await createHarness()
  const w = await pick(h, 'FAILURE')
  expect(w.actions.delete.allowed).toBe(false)
  expect(w.actions.delete.reason).toContain('no API to delete a single build')
  const before = h.upstream().length
  await expect(
    h.services.workloads.delete(
      user('admin'),
      { kind: KIND, target: h.target, id: w.id },
      { reason: 'cleanup', confirmName: w.name },
      META,
    ),
  ).rejects.toMatchObject({ code: 'ACTION_NOT_ALLOWED' })
  expect(h.upstream().length).toBe(before)
  await h.close()
})

test('cloud errors surface with their code (stopping a finished build, unknown task id)', async () => {
  const h = await createHarness()
  const done = await pick(h, 'SUCCESS')
  const finished = describeUpstreamError(
    await Promise.resolve()
      .then(() => codeArtsBuildAdapter.stop(h.cloud, done.id, {}))
      .catch((e: unknown) => e),
  )
  expect(finished).toMatchObject({
    code: 'UPSTREAM_REJECTED',
    cloudCode: 'CB.00060200',
    outcome: 'failure',
  })
  const unknown = describeUpstreamError(
    await Promise.resolve()
      .then(() => codeArtsBuildAdapter.stop(h.cloud, `${'nosuchjob'.padEnd(32, '0')}:1`, {}))
      .catch((e: unknown) => e),
  )
  expect(unknown).toMatchObject({ code: 'UPSTREAM_REJECTED', cloudCode: 'CB.00060201' })
  await h.close()
})
