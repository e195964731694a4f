import { expect, test } from 'vitest'
import type {
  ActionResult,
  WorkloadAuditEntry,
  Workload,
  WorkloadDetail,
  WorkloadList,
  WorkloadOverview,
} from '@ops-console/contracts'
import { createRouteHarness } from '../workloads/testing/route-harness.js'

type Harness = Awaited<ReturnType<typeof createRouteHarness>>

async function runningDli(h: Harness): Promise<Workload> {
  const b = await h.as('viewer')
  const list = (await (
    await b.get(`/api/workloads/dli-flink-job?target=${h.target}&limit=5000`)
  ).json()) as WorkloadList
  const w = list.items.find((x) => x.rawStatus === 'job_running')
  if (!w) throw new Error('no running DLI job')
  return w
}
const mutations = (h: Harness) => h.upstream().filter((r) => r.method !== 'GET')

test('viewers list all kinds, one kind, the overview and a detail', async () => {
  const h = await createRouteHarness()
  const b = await h.as('viewer')
  const all = (await (await b.get('/api/workloads?limit=5')).json()) as WorkloadList
  expect(all.items).toHaveLength(5)
  expect(all.sources.length).toBe(h.services.targets.length * 5)
  const active = await b.get('/api/workloads/dli-flink-job?state=active')
  expect(active.status).toBe(200)
  const activeList = (await active.json()) as WorkloadList
  expect(
    activeList.items.every(
      (w) => w.kind === 'dli-flink-job' && ['pending', 'running', 'stopping'].includes(w.state),
    ),
  ).toBe(true)
  const overview = (await (await b.get('/api/workloads/overview')).json()) as WorkloadOverview
  expect(overview.counts.reduce((n, c) => n + c.count, 0)).toBe(all.total)
  const first = activeList.items[0]
  if (!first) throw new Error('no active DLI job')
  const detail = await b.get(`/api/workloads/dli-flink-job/${first.target}/${first.id}`)
  expect(detail.status).toBe(200)
  expect(((await detail.json()) as WorkloadDetail).raw).toMatchObject({ job_id: first.id })
  await h.close()
})

test('bad kinds, ids, queries and bodies are 400 and nothing reaches the cloud', async () => {
  const h = await createRouteHarness()
  const w = await runningDli(h)
  h.sim.control.clearRequests()
  const viewer = await h.as('viewer')
  const op = await h.as('operator')
  const base = `/api/workloads/dli-flink-job/${h.target}`
  const cases: [Promise<Response>, string][] = [
    [viewer.get('/api/workloads/not-a-kind'), 'VALIDATION_FAILED'],
    [viewer.get('/api/workloads?limit=0'), 'VALIDATION_FAILED'],
    [viewer.get(`/api/workloads/dli-flink-job/${h.target}/abc`), 'VALIDATION_FAILED'],
    [op.post(`${base}/12%3A34/stop`, { reason: 'runaway job' }), 'VALIDATION_FAILED'],
    [
      op.post(`/api/workloads/dli-flink-job/Bad_Target/${w.id}/stop`, { reason: 'runaway job' }),
      'VALIDATION_FAILED',
    ],
    [op.post(`${base}/${w.id}/stop`, { reason: 'x' }), 'VALIDATION_FAILED'],
    [op.post(`${base}/${w.id}/stop`, { reason: 'runaway job', extra: 1 }), 'VALIDATION_FAILED'],
    [
      op.post(`${base}/${w.id}/stop`, { reason: 'runaway job', triggerSavepoint: 'yes' }),
      'VALIDATION_FAILED',
    ],
    [
      op.post('/api/workloads/bulk/stop', { items: [], reason: 'runaway job' }),
      'VALIDATION_FAILED',
    ],
  ]
  for (const [pending, code] of cases) {
    const res = await pending
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code)
  }
  expect(h.upstream()).toEqual([])
  await h.close()
})

test('validation errors name the field and say what to do, in the usual envelope', async () => {
  const h = await createRouteHarness()
  const w = await runningDli(h)
  h.sim.control.clearRequests()
  const op = await h.as('operator')
  const base = `/api/workloads/dli-flink-job/${h.target}/${w.id}`
  const short = await op.post(`${base}/stop`, { reason: ' x ' })
  expect(short.status).toBe(400)
  const { requestId, ...shortError } = ((await short.json()) as { error: { requestId: unknown } })
    .error
  expect(typeof requestId).toBe('string')
  expect(shortError).toEqual({
    code: 'VALIDATION_FAILED',
    message: 'Reason: Give a reason of at least 3 characters.',
    fields: { reason: 'Give a reason of at least 3 characters.' },
  })
  // Schemas without their own message get zod's issue rewritten as a sentence, per field.
  const admin = await h.as('admin')
  const several = await admin.post('/api/workloads/bulk/delete', {
    items: [{ kind: 'dli-flink-job', target: h.target, id: w.id }],
    reason: 'cleanup',
    colour: 'red',
  })
  const body = (await several.json()) as { error: { message: string; fields: object } }
  expect(body.error.fields).toEqual({
    'items.0.confirmName': 'Required.',
    _: 'Unknown field: colour.',
  })
  expect(body.error.message).toBe('Items #1 confirm name: Required. (and 1 more)')
  expect(h.upstream()).toEqual([])
  await h.close()
})

test('an operator stop answers an ActionResult and leaves an intent with its outcome in the audit log', async () => {
  const h = await createRouteHarness()
  const w = await runningDli(h)
  const op = await h.as('operator')
  const res = await op.post(`/api/workloads/dli-flink-job/${w.target}/${w.id}/stop`, {
    reason: 'runaway job',
    triggerSavepoint: true,
  })
  expect(res.status).toBe(200)
  const result = (await res.json()) as ActionResult
  expect(result).toMatchObject({
    ok: true,
    status: 'accepted',
    ref: { kind: 'dli-flink-job', target: w.target, id: w.id },
  })
  await h.services.workloads.idle()
  const audit = (await (await op.get('/api/audit')).json()) as { items: WorkloadAuditEntry[] }
  expect(audit.items[0]).toMatchObject({
    id: result.auditId,
    action: 'workload.stop',
    actor: 'operator',
    workloadId: w.id,
    finalState: 'stopped',
  })
  expect(audit.items[0]?.requestId).toBe(res.headers.get('x-request-id'))
  await h.close()
})

test('viewers cannot stop and operators cannot delete: 403 before anything is sent or audited', async () => {
  const h = await createRouteHarness()
  const w = await runningDli(h)
  const viewer = await h.as('viewer')
  const op = await h.as('operator')
  expect(
    (
      await viewer.post(`/api/workloads/dli-flink-job/${w.target}/${w.id}/stop`, {
        reason: 'runaway job',
      })
    ).status,
  ).toBe(403)
  expect(
    (
      await op.post(`/api/workloads/dli-flink-job/${w.target}/${w.id}/delete`, {
        reason: 'cleanup',
        confirmName: w.name,
      })
    ).status,
  ).toBe(403)
  expect(
    (
      await op.post('/api/workloads/bulk/delete', {
        items: [{ kind: w.kind, target: w.target, id: w.id, confirmName: w.name }],
        reason: 'cleanup',
      })
    ).status,
  ).toBe(403)
  expect(mutations(h)).toEqual([])
  // Nothing but the sign-ins (account events) was audited.
  expect(
    await h.deps.db.selectFrom('audit_log').select('seq').where('type', '!=', 'event').execute(),
  ).toEqual([])
  await h.close()
})

test('delete of a running job is 409 with the reason; a wrong confirmation is 400', async () => {
  const h = await createRouteHarness()
  const w = await runningDli(h)
  const admin = await h.as('admin')
  const running = await admin.post(`/api/workloads/dli-flink-job/${w.target}/${w.id}/delete`, {
    reason: 'cleanup',
    confirmName: w.name,
  })
  expect(running.status).toBe(409)
  const refusal = ((await running.json()) as { error: { code: string; message: string } }).error
  expect(refusal.code).toBe('ACTION_NOT_ALLOWED')
  expect(refusal.message).toMatch(/stop it before deleting/)
  await admin.post(`/api/workloads/dli-flink-job/${w.target}/${w.id}/stop`, {
    reason: 'before delete',
  })
  await h.services.workloads.idle()
  const wrong = await admin.post(`/api/workloads/dli-flink-job/${w.target}/${w.id}/delete`, {
    reason: 'cleanup',
    confirmName: w.name.toUpperCase(),
  })
  expect(wrong.status).toBe(400)
  expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe(
    'CONFIRMATION_MISMATCH',
  )
  const ok = await admin.post(`/api/workloads/dli-flink-job/${w.target}/${w.id}/delete`, {
    reason: 'cleanup',
    confirmName: w.name,
  })
  expect(ok.status).toBe(200)
  await h.close()
})

test('an upstream failure is a 5xx envelope with the cloud code and request id, never the upstream body', async () => {
  const h = await createRouteHarness()
  const w = await runningDli(h)
  h.sim.control.injectFault({
    service: 'dli',
    method: 'POST',
    path: '/streaming/jobs/stop',
    kind: 'status',
    status: 500,
  })
  const res = await (
    await h.as('operator')
  ).post(`/api/workloads/dli-flink-job/${w.target}/${w.id}/stop`, { reason: 'runaway job' })
  expect(res.status).toBe(503)
  const body = (await res.json()) as { error: { code: string; upstream: Record<string, unknown> } }
  expect(body.error.code).toBe('UPSTREAM_UNAVAILABLE')
  expect(body.error.upstream).toMatchObject({ service: 'dli', status: 500, cloudCode: 'DLI.0999' })
  expect(typeof body.error.upstream.requestId).toBe('string')
  expect(JSON.stringify(body)).not.toContain('error_code')
  await h.close()
})

test('a client that disconnects mid-stop does not cancel it: the outcome is still recorded', async () => {
  const h = await createRouteHarness()
  const w = await runningDli(h)
  const op = await h.as('operator')
  h.sim.control.injectFault({
    service: 'dli',
    method: 'POST',
    path: '/streaming/jobs/stop',
    kind: 'latency',
    ms: 150,
  })
  const controller = new AbortController()
  const pending = Promise.resolve(
    h.app.request(`/api/workloads/dli-flink-job/${w.target}/${w.id}/stop`, {
      method: 'POST',
      body: JSON.stringify({ reason: 'runaway job' }),
      headers: {
        Origin: 'https://ops.example.test',
        'X-Ops-Console': '1',
        'Content-Type': 'application/json',
        cookie: [...op.jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      signal: controller.signal,
    }),
  ).catch(() => null)
  await new Promise((r) => setTimeout(r, 30))
  controller.abort()
  await pending
  await h.services.workloads.idle()
  const rows = await h.deps.db
    .selectFrom('audit_log')
    .select(['type', 'body'])
    .where('type', '!=', 'event')
    .orderBy('seq')
    .execute()
  expect(rows.map((r) => r.type)).toEqual(['intent', 'outcome', 'outcome'])
  expect(JSON.parse(rows[1]?.body ?? '{}')).toMatchObject({ source: 'request', outcome: 'success' })
  await h.close()
})

test('bulk routes are not mistaken for a kind and answer one result per item', async () => {
  const h = await createRouteHarness()
  const w = await runningDli(h)
  const res = await (
    await h.as('operator')
  ).post('/api/workloads/bulk/stop', {
    items: [
      { kind: w.kind, target: w.target, id: w.id },
      { kind: 'codearts-build', target: w.target, id: `${'nosuchjob'.padEnd(32, '0')}:1` },
    ],
    reason: 'incident 42',
  })
  expect(res.status).toBe(200)
  const { results } = (await res.json()) as { results: ActionResult[] }
  expect(results.map((r) => r.status)).toEqual(['accepted', 'skipped'])
  expect(results[1]?.error?.code).toBe('NOT_FOUND')
  await h.close()
})
