import { expect, onTestFinished, test } from 'vitest'
import type { Workload, WorkloadAuditEntry, WorkloadList } from '@ops-console/contracts'
import { createRouteHarness } from '../workloads/testing/route-harness.js'

type Harness = Awaited<ReturnType<typeof createRouteHarness>>

async function harness() {
  const h = await createRouteHarness()
  onTestFinished(() => h.close())
  return h
}

async function runningDli(h: Harness, n: number): Promise<Workload[]> {
  const b = await h.as('viewer')
  const list = (await (
    await b.get(`/api/workloads/dli-flink-job?target=${h.target}&limit=5000`)
  ).json()) as WorkloadList
  return list.items.filter((x) => x.rawStatus === 'job_running').slice(0, n)
}

const page = async (b: Awaited<ReturnType<Harness['as']>>, query: string) =>
  ((await (await b.get(`/api/audit?${query}`)).json()) as { items: WorkloadAuditEntry[] }).items

test('a successful stop shows its HTTP status and cloud request id, also after the watcher confirmed it; text search finds both request ids', async () => {
  const h = await harness()
  const [w] = await runningDli(h, 1)
  if (!w) throw new Error('no running DLI job')
  const op = await h.as('operator')
  const res = await op.post(`/api/workloads/${w.kind}/${w.target}/${w.id}/stop`, {
    reason: 'history test',
  })
  expect(res.status).toBe(200)
  await h.services.workloads.idle()
  const stopCall = h.upstream().find((r) => r.method === 'POST')
  expect(stopCall?.requestId).toEqual(expect.any(String))
  const [entry] = await page(op, 'category=workload')
  // The latest outcome is the watcher's (no HTTP call of its own); the entry keeps the call's.
  expect(entry?.outcome?.source).toBe('watcher')
  expect(entry).toMatchObject({
    finalState: 'stopped',
    httpStatus: 200,
    upstreamRequestId: stopCall?.requestId,
  })
  const byCloudId = await page(op, `q=${encodeURIComponent(stopCall?.requestId ?? '')}`)
  expect(byCloudId.map((e) => e.id)).toEqual([entry?.id])
  const bffId = res.headers.get('x-request-id') ?? ''
  const byBffId = await page(op, `q=${encodeURIComponent(bffId.toUpperCase())}`)
  expect(byBffId.map((e) => e.id)).toEqual([entry?.id])
})

test('the audit filtered by workload lists every action on that workload and nothing else', async () => {
  const h = await harness()
  const [w, other] = await runningDli(h, 2)
  if (!w || !other) throw new Error('need two running DLI jobs')
  const admin = await h.as('admin')
  const stop = (x: Workload, reason: string) =>
    admin.post(`/api/workloads/${x.kind}/${x.target}/${x.id}/stop`, { reason })
  expect((await stop(w, 'first stop')).status).toBe(200)
  expect((await stop(other, 'another workload')).status).toBe(200)
  await h.services.workloads.idle()
  const del = await admin.post(`/api/workloads/${w.kind}/${w.target}/${w.id}/delete`, {
    reason: 'clean up',
    confirmName: w.name,
  })
  expect(del.status).toBe(200)
  await h.services.workloads.idle()
  const history = await page(
    admin,
    `kind=${w.kind}&target=${w.target}&workloadId=${encodeURIComponent(w.id)}`,
  )
  expect(history.map((e) => [e.action, e.reason])).toEqual([
    ['workload.delete', 'clean up'],
    ['workload.stop', 'first stop'],
  ])
  expect(history.every((e) => e.httpStatus !== null && e.upstreamRequestId !== null)).toBe(true)
})
