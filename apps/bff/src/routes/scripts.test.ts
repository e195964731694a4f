import { expect, test } from 'vitest'
import type { ScriptInstanceList, ScriptInstanceResult } from '@ops-console/contracts'
import { createRouteHarness } from '../workloads/testing/route-harness.js'

type Harness = Awaited<ReturnType<typeof createRouteHarness>>

async function healthyScript(h: Harness): Promise<string> {
  const client = h.services.cloudTargets[0]?.client
  const { data } = (await client?.dataarts.listScripts({ limit: 100 })) ?? { data: { scripts: [] } }
  const name = data.scripts.find((s) => s.name.includes('_query_'))?.name
  if (!name) throw new Error('no healthy script')
  return name
}

test('an operator executes a script; the instance is tracked, listed and audited', async () => {
  const h = await createRouteHarness()
  const name = await healthyScript(h)
  const op = await h.as('operator')
  const res = await op.post(`/api/scripts/${h.target}/${name}/execute`, {
    params: { day: '1' },
    reason: 'daily backfill',
  })
  expect(res.status).toBe(200)
  const { instance, auditId } = (await res.json()) as ScriptInstanceResult
  expect(instance).toMatchObject({ target: h.target, scriptName: name, registeredBy: 'operator' })
  const list = (await (
    await (await h.as('viewer')).get('/api/scripts/instances')
  ).json()) as ScriptInstanceList
  expect(list.items.map((i) => i.id)).toEqual([instance.id])
  const entries = await h.deps.db
    .selectFrom('audit_entries')
    .select(['intent_id', 'action', 'outcome'])
    .where('kind', '!=', '')
    .execute()
  expect(entries).toEqual([{ intent_id: auditId, action: 'script.execute', outcome: 'success' }])
  await h.close()
})

test('executing an unknown script is a 502 with DLF.6201, audited as a failure', async () => {
  const h = await createRouteHarness()
  const res = await (
    await h.as('operator')
  ).post(`/api/scripts/${h.target}/no_such_script/execute`, { reason: 'daily backfill' })
  expect(res.status).toBe(502)
  expect(
    ((await res.json()) as { error: { code: string; upstream: { cloudCode: string } } }).error,
  ).toMatchObject({ code: 'UPSTREAM_REJECTED', upstream: { cloudCode: 'DLF.6201' } })
  expect(
    await h.deps.db
      .selectFrom('audit_entries')
      .select(['action', 'outcome'])
      .where('kind', '!=', '')
      .execute(),
  ).toEqual([{ action: 'script.execute', outcome: 'failure' }])
  await h.close()
})

test('register needs an instance the cloud knows; bad bodies and paths are 400 with nothing sent', async () => {
  const h = await createRouteHarness()
  const op = await h.as('operator')
  const name = await healthyScript(h)
  h.sim.control.clearRequests()
  for (const [path, body] of [
    ['/api/scripts/instances', { target: h.target, scriptName: name, instanceId: 'a/b' }],
    ['/api/scripts/instances', { target: h.target, scriptName: name }],
    [`/api/scripts/${h.target}/bad.name/execute`, { reason: 'daily backfill' }],
    [
      `/api/scripts/${h.target}/${name}/execute`,
      { reason: 'daily backfill', params: { 'bad key': 'x' } },
    ],
  ] as const) {
    const res = await op.post(path, body)
    expect(res.status).toBe(400)
  }
  expect(h.upstream()).toEqual([])
  const missing = await op.post('/api/scripts/instances', {
    target: h.target,
    scriptName: name,
    instanceId: 'unknown-instance',
  })
  expect(missing.status).toBe(404)
  await h.close()
})

test('viewers may list but not execute or register', async () => {
  const h = await createRouteHarness()
  const viewer = await h.as('viewer')
  expect((await viewer.get('/api/scripts/instances')).status).toBe(200)
  expect(
    (await viewer.post(`/api/scripts/${h.target}/x/execute`, { reason: 'daily backfill' })).status,
  ).toBe(403)
  expect(
    (
      await viewer.post('/api/scripts/instances', {
        target: h.target,
        scriptName: 'x',
        instanceId: 'y',
      })
    ).status,
  ).toBe(403)
  await h.close()
})
