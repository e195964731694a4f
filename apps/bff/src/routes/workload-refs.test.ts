import { expect, onTestFinished, test } from 'vitest'
import type { Workload, WorkloadList } from '@ops-console/contracts'
import { createRouteHarness } from '../workloads/testing/route-harness.js'

type Harness = Awaited<ReturnType<typeof createRouteHarness>>

async function harness(): Promise<Harness> {
  const h = await createRouteHarness()
  onTestFinished(() => h.close())
  return h
}

async function running(h: Harness, kind: string): Promise<Workload[]> {
  const b = await h.as('viewer')
  const list = (await (
    await b.get(`/api/workloads/${kind}?target=${h.target}&state=running&limit=5000`)
  ).json()) as WorkloadList
  return list.items
}

const auditRows = async (h: Harness) =>
  // Workload intents and outcomes; the harness's own sign-ins are account events.
  (await h.deps.db.selectFrom('audit_log').where('type', '!=', 'event').select('seq').execute())
    .length

const JOB = 'k'.repeat(16) + '0123456789abcdef'

// The ids the black-box probe saw forwarded upstream as reads (issue 13, finding 5).
const MALFORMED = [
  ['dli-flink-job', '0'],
  ['dli-flink-job', '01'],
  ['dli-flink-job', '9223372036854775808'],
  ['codearts-build', `${JOB.slice(1)}:1`],
  ['codearts-build', `${JOB}x:1`],
  ['codearts-build', `${JOB.toUpperCase()}:1`],
  ['codearts-build', `${JOB}:2147483648`],
  ['codearts-build', `${JOB}:0`],
  ['modelarts-processor-version', 'task-without-version'],
  ['dataarts-script-instance', 'script:instance:extra'],
] as const

test('ids in the wrong format for their kind: 400 naming the id, before any upstream call', async () => {
  const h = await harness()
  const viewer = await h.as('viewer')
  const operator = await h.as('operator')
  const before = h.upstream().length
  for (const [kind, id] of MALFORMED) {
    const path = `/api/workloads/${kind}/${h.target}/${encodeURIComponent(id)}`
    for (const res of [
      await viewer.get(path),
      await operator.post(`${path}/stop`, { reason: 'incident 42' }),
    ]) {
      expect(res.status, `${kind} ${id}`).toBe(400)
      const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } }
      expect(body.error.code).toBe('VALIDATION_FAILED')
      expect(body.error.fields.id).toContain(kind)
    }
  }
  expect(h.upstream().length - before).toBe(0)
  expect(await auditRows(h)).toBe(0)
})

test('a well-formed id still reaches the cloud and a missing one is 404', async () => {
  const h = await harness()
  const viewer = await h.as('viewer')
  const [w] = await running(h, 'dli-flink-job')
  expect((await viewer.get(`/api/workloads/dli-flink-job/${h.target}/${w?.id}`)).status).toBe(200)
  const missing = await viewer.get(`/api/workloads/dli-flink-job/${h.target}/4242424242424242424`)
  expect(missing.status).toBe(404)
})

test('a bulk stop or delete naming one workload twice is refused whole: nothing sent, nothing audited', async () => {
  const h = await harness()
  const [a, b] = await running(h, 'dli-flink-job')
  if (!a || !b) throw new Error('the simulated world needs two running DLI jobs')
  const ref = (w: Workload) => ({ kind: w.kind, target: w.target, id: w.id })
  const before = h.upstream().length
  const stop = await (
    await h.as('operator')
  ).post('/api/workloads/bulk/stop', {
    items: [ref(a), ref(b), ref(a)],
    reason: 'incident 42',
  })
  expect(stop.status).toBe(400)
  const body = (await stop.json()) as { error: { fields: Record<string, string> } }
  expect(body.error.fields['items.2']).toMatch(/duplicate of item 0/i)
  const del = await (
    await h.as('admin')
  ).post('/api/workloads/bulk/delete', {
    items: [
      { ...ref(a), confirmName: a.name },
      { ...ref(a), confirmName: a.name },
    ],
    reason: 'cleanup',
  })
  expect(del.status).toBe(400)
  expect(h.upstream().length - before).toBe(0)
  expect(await auditRows(h)).toBe(0)
})
