import { expect, test } from 'vitest'
import { ListQuery, type WorkloadKind } from '@ops-console/contracts'
import { createHarness, META, user, type Harness } from './testing/workloads-harness.js'

/** Upstream list reads (GET) grouped by service and path, i.e. by (target, kind) source page. */
function listReads(h: Harness, from = 0): Map<string, number> {
  const counts = new Map<string, number>()
  for (const r of h.upstream().slice(from)) {
    if (r.method !== 'GET') continue
    const key = `${r.service} ${r.path} ${JSON.stringify(r.query)}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}
const dliLists = (h: Harness, from = 0) =>
  h
    .upstream()
    .slice(from)
    .filter((r) => r.method === 'GET' && r.path.endsWith('/streaming/jobs'))

function viewers(h: Harness, n: number) {
  const kinds: (WorkloadKind | 'all')[] = ['all', 'dli-flink-job', 'dataarts-job']
  return Array.from({ length: n }, (_, i) =>
    i % 4 === 3
      ? h.services.workloads.overview(user('viewer'))
      : h.services.workloads.list(
          user('viewer'),
          kinds[i % 3] as WorkloadKind | 'all',
          ListQuery.parse({ limit: 10, offset: i % 7, q: i % 2 ? '' : 'a' }),
        ),
  )
}

test('50 concurrent viewers cause exactly one upstream listing per (target, kind) source', async () => {
  const h = await createHarness()
  await Promise.all(viewers(h, 50))
  expect(dliLists(h)).toHaveLength(h.services.targets.length)
  expect(new Set(dliLists(h).map((r) => r.path)).size).toBe(h.services.targets.length)
  const crowd = listReads(h)
  expect([...crowd.values()].every((n) => n === 1)).toBe(true)

  // Within the TTL a second wave is served from the cache: nothing goes upstream.
  const before = h.upstream().length
  h.ctx.clock.advance(1_000)
  await Promise.all(viewers(h, 50))
  expect(h.upstream()).toHaveLength(before)

  // Once the TTL has passed, one viewer alone reads exactly what the crowd read: one per source.
  h.ctx.clock.advance(1_500)
  await h.services.workloads.list(user('viewer'), 'all', ListQuery.parse({}))
  await h.services.workloads.overview(user('viewer'))
  expect(listReads(h, before)).toEqual(crowd)
  await h.close()
})

test('after a stop the next list of that source goes upstream again, other sources stay cached', async () => {
  const h = await createHarness({ sim: { stopDelayMs: 10 * 60_000 }, listCacheTtlMs: 60_000 })
  const q = ListQuery.parse({ limit: 5000 })
  const first = await h.services.workloads.list(user('operator'), 'dli-flink-job', q)
  const w = first.items.find((x) => x.target === h.target && x.rawStatus === 'job_running')
  if (!w) throw new Error('no running DLI job')
  await h.services.workloads.stop(
    user('operator'),
    { kind: w.kind, target: w.target, id: w.id },
    { reason: 'runaway job' },
    META,
  )
  const mark = h.upstream().length
  const again = await h.services.workloads.list(user('operator'), 'dli-flink-job', q)
  const reread = dliLists(h, mark)
  expect(reread).toHaveLength(1)
  expect(reread[0]?.path).toContain(h.cloud.projectId)
  expect(again.items.find((x) => x.id === w.id && x.target === w.target)).toMatchObject({
    state: 'stopping',
    lastAction: { action: 'stop' },
  })
  await h.close()
})

test('a failed listing is kept only briefly; concurrent readers of a failing source still share one call', async () => {
  const h = await createHarness()
  const q = ListQuery.parse({ target: h.target })
  const fault = h.sim.control.injectFault({ service: 'dli', kind: 'status', status: 503 })
  const lists = await Promise.all(
    Array.from({ length: 10 }, () => h.services.workloads.list(user('viewer'), 'dli-flink-job', q)),
  )
  expect(lists.every((l) => l.sources[0]?.ok === false)).toBe(true)
  expect(dliLists(h)).toHaveLength(1)
  expect(fault).toBeTruthy()
  h.sim.control.clearFaults()
  h.ctx.clock.advance(600)
  const recovered = await h.services.workloads.list(user('viewer'), 'dli-flink-job', q)
  expect(recovered.sources[0]).toMatchObject({ ok: true })
  expect(dliLists(h)).toHaveLength(2)
  await h.close()
})
