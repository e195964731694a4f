import { expect, test } from 'vitest'
import type {
  SourceStatus,
  WorkloadChanges,
  WorkloadList,
  WorkloadStreamReady,
} from '@ops-console/contracts'
import { createRouteHarness } from '../workloads/testing/route-harness.js'
import { META, user } from '../workloads/testing/workloads-harness.js'
import { sseReader } from '../workloads/testing/sse-reader.js'

type Harness = Awaited<ReturnType<typeof createRouteHarness>>

const FAST = {
  listCacheTtlMs: 0,
  stream: { pollMs: 30, fastPollMs: 30, heartbeatMs: 40 },
}
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitFor(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await settle(10)
  }
}

async function open(h: Harness, query: string) {
  const viewer = await h.as('viewer')
  const res = await viewer.get(`/api/workloads/stream${query}`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('text/event-stream')
  return sseReader(res)
}

const dliLists = (h: Harness) =>
  h
    .upstream()
    .filter(
      (r) =>
        r.method === 'GET' &&
        r.path.endsWith('/streaming/jobs') &&
        r.path.includes(h.services.cloudTargets[0]?.projectId ?? '-'),
    )

test('three subscribers share one poller: upstream lists do not multiply, all see a stop, polling ends with them', async () => {
  const h = await createRouteHarness({ workloads: FAST })
  const query = `?kind=dli-flink-job&target=${h.target}`
  const subs = await Promise.all([open(h, query), open(h, query), open(h, query)])
  for (const s of subs) {
    const ready = await s.until((e) => e.event === 'ready')
    expect(ready.data as WorkloadStreamReady).toMatchObject({
      sources: [{ target: h.target, kind: 'dli-flink-job' }],
      pollMs: 30,
    })
  }
  const stats = () => h.services.workloads.stream.stats()
  expect(stats()).toMatchObject({ pollers: 1, subscribers: 3 })
  await waitFor(() => stats().polls >= 2)

  const list = (await (
    await (await h.as('viewer')).get(`/api/workloads/dli-flink-job${query}&limit=5000`)
  ).json()) as WorkloadList
  const running = list.items.find((w) => w.rawStatus === 'job_running')
  if (!running) throw new Error('no running DLI job')
  await h.services.workloads.stop(
    user('operator'),
    { kind: running.kind, target: running.target, id: running.id },
    { reason: 'runaway job' },
    META,
  )
  for (const s of subs) {
    const e = await s.until(
      (x) =>
        x.event === 'workloads' &&
        (x.data as WorkloadChanges).changed.some(
          (w) =>
            w.id === running.id &&
            w.lastAction?.action === 'stop' &&
            // A poll may land between the audit and the cloud's state change: the row can carry
            // the stop while still running; the stop is seen once the state follows.
            (w.state === 'stopping' || w.state === 'stopped'),
        ),
    )
    const w = (e.data as WorkloadChanges).changed.find((x) => x.id === running.id)
    // Rows carry the subscriber's own actions (a viewer may not stop).
    expect(w?.actions.stop.allowed).toBe(false)
    await s.until((x) => x.event === 'heartbeat')
  }

  await Promise.all(subs.map((s) => s.cancel()))
  await waitFor(() => stats().pollers === 0 && stats().subscribers === 0)
  const polls = stats().polls
  // One list call per poll of the single shared poller (the one page list above adds one more).
  expect(dliLists(h)).toHaveLength(polls + 1)
  await settle(100)
  expect(dliLists(h)).toHaveLength(polls + 1)
  expect(stats().polls).toBe(polls)
  await h.close()
})

test('source failures and recoveries are events; a late subscriber learns of a failing source at once', async () => {
  const h = await createRouteHarness({ workloads: FAST })
  const query = `?kind=dli-flink-job&target=${h.target}`
  const first = await open(h, query)
  await first.until((e) => e.event === 'ready')
  h.sim.control.injectFault({ service: 'dli', kind: 'status', status: 503 })
  const failed = await first.until((e) => e.event === 'source')
  expect(failed.data as SourceStatus).toMatchObject({
    target: h.target,
    kind: 'dli-flink-job',
    ok: false,
    error: { code: 'UPSTREAM_UNAVAILABLE' },
  })
  const late = await open(h, query)
  await late.until((e) => e.event === 'ready')
  expect((await late.until((e) => e.event === 'source')).data).toMatchObject({ ok: false })
  h.sim.control.clearFaults()
  expect((await first.until((e) => e.event === 'source')).data).toMatchObject({ ok: true })
  // Shutdown ends every open stream.
  await h.services.workloads.close()
  let seen = 0
  while ((await first.next()) !== null) seen++
  expect(seen).toBeLessThan(5)
  expect(h.services.workloads.stream.stats()).toMatchObject({ pollers: 0, subscribers: 0 })
  await h.close()
})

test('the stream needs a session and a valid filter', async () => {
  const h = await createRouteHarness({ workloads: FAST })
  expect((await h.browser().get('/api/workloads/stream')).status).toBe(401)
  const viewer = await h.as('viewer')
  expect((await viewer.get('/api/workloads/stream?kind=nope')).status).toBe(400)
  expect(h.services.workloads.stream.stats().pollers).toBe(0)
  await h.close()
})
