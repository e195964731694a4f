import { expect, test } from 'vitest'
import { ListQuery } from '@ops-console/contracts'
import { createHarness, META, user } from './testing/workloads-harness.js'

test('one failing service yields failed sources with the cloud code; every other source still lists', async () => {
  const h = await createHarness()
  h.sim.control.injectFault({ service: 'dli', kind: 'status', status: 503 })
  const list = await h.services.workloads.list(
    user('viewer'),
    'all',
    ListQuery.parse({ limit: 5000 }),
  )
  const dli = list.sources.filter((s) => s.kind === 'dli-flink-job')
  expect(dli).toHaveLength(h.services.targets.length)
  for (const s of dli)
    expect(s).toMatchObject({
      ok: false,
      count: 0,
      error: { code: 'UPSTREAM_UNAVAILABLE', cloudCode: 'DLI.0999' },
    })
  expect(dli[0]?.error?.requestId).toBeTruthy()
  expect(list.sources.filter((s) => s.kind !== 'dli-flink-job').every((s) => s.ok)).toBe(true)
  expect(list.items.some((w) => w.kind === 'dataarts-job')).toBe(true)
  expect(list.items.some((w) => w.kind === 'dli-flink-job')).toBe(false)
  await h.close()
})

test('a hanging source is cut off at its deadline and reported as UPSTREAM_TIMEOUT', async () => {
  const h = await createHarness({ sourceTimeoutMs: 150 })
  h.sim.control.injectFault({ service: 'modelarts', kind: 'hang' })
  const started = Date.now()
  const list = await h.services.workloads.list(
    user('viewer'),
    'modelarts-processor-version',
    ListQuery.parse({}),
  )
  expect(Date.now() - started).toBeLessThan(2_000)
  expect(list.sources.every((s) => s.ok === false && s.error?.code === 'UPSTREAM_TIMEOUT')).toBe(
    true,
  )
  await h.close()
})

test('overview counts by kind and state add up to the full list', async () => {
  const h = await createHarness()
  const [overview, list] = await Promise.all([
    h.services.workloads.overview(user('viewer')),
    h.services.workloads.list(user('viewer'), 'all', ListQuery.parse({ limit: 1 })),
  ])
  expect(overview.counts.reduce((n, c) => n + c.count, 0)).toBe(list.total)
  const running = overview.counts
    .filter((c) => c.state === 'running')
    .reduce((n, c) => n + c.count, 0)
  expect(running).toBe(
    (
      await h.services.workloads.list(
        user('viewer'),
        'all',
        ListQuery.parse({ state: 'running', limit: 1 }),
      )
    ).total,
  )
  await h.close()
})

test('actions depend on the viewer, and the last audited action is shown on the workload', async () => {
  const h = await createHarness()
  const q = ListQuery.parse({ target: h.target, limit: 5000 })
  const running = (await h.services.workloads.list(user('viewer'), 'dli-flink-job', q)).items.find(
    (w) => w.rawStatus === 'job_running',
  )
  if (!running) throw new Error('no running DLI job')
  expect(running.actions.stop).toEqual({
    allowed: false,
    reason: 'Stop requires the operator role',
  })
  expect(running).not.toHaveProperty('protected')
  await h.services.workloads.stop(
    user('operator'),
    { kind: running.kind, target: running.target, id: running.id },
    { reason: 'noisy neighbour' },
    META,
  )
  const again = (await h.services.workloads.list(user('operator'), 'dli-flink-job', q)).items.find(
    (w) => w.id === running.id,
  )
  expect(again?.lastAction).toMatchObject({
    action: 'stop',
    actor: 'operator',
    reason: 'noisy neighbour',
  })
  await h.close()
})

test('text filter, target filter and paging work over the merged list', async () => {
  const h = await createHarness()
  const all = await h.services.workloads.list(
    user('viewer'),
    'all',
    ListQuery.parse({ target: h.target, limit: 5000 }),
  )
  expect(all.items.every((w) => w.target === h.target)).toBe(true)
  const first = all.items[0]
  if (!first) throw new Error('empty world')
  const found = await h.services.workloads.list(
    user('viewer'),
    'all',
    ListQuery.parse({ q: first.name.toUpperCase(), limit: 5000 }),
  )
  expect(found.items.map((w) => w.id)).toContain(first.id)
  const page = await h.services.workloads.list(
    user('viewer'),
    'all',
    ListQuery.parse({ target: h.target, offset: 3, limit: 2 }),
  )
  expect(page.items.map((w) => w.id)).toEqual(all.items.slice(3, 5).map((w) => w.id))
  expect(page.total).toBe(all.total)
  await h.close()
})
