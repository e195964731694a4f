import { expect, test } from 'vitest'
import { ListQuery } from '@ops-console/contracts'
import { describeUpstreamError } from '../../cloud-errors.js'
import {
  auditTrail,
  createHarness,
  META,
  outcomesOf,
  user,
  type Harness,
} from '../../testing/workloads-harness.js'
import { createScriptRegistry } from '../../scripts/registry.js'
import { createScriptInstanceAdapter } from './adapter.js'

const KIND = 'dataarts-script-instance'

async function scriptName(h: Harness): Promise<string> {
  const { data } = await h.cloud.client.dataarts.listScripts({ limit: 100 })
  const s = data.scripts.find((x) => x.name.includes('_query_'))
  if (!s) throw new Error('no healthy script in the simulated world')
  return s.name
}

async function execute(h: Harness) {
  const name = await scriptName(h)
  const res = await h.services.scripts.execute(
    user('operator'),
    h.target,
    name,
    { params: { day: '2026-01-01' }, reason: 'daily backfill' },
    META,
  )
  return { name, res }
}

test('execute is audited as script.execute and the returned instance is listed as a workload', async () => {
  const h = await createHarness()
  const { name, res } = await execute(h)
  expect(res.instance).toMatchObject({
    target: h.target,
    scriptName: name,
    registeredBy: 'operator',
  })
  const trail = await auditTrail(h)
  expect(trail[0]?.body).toMatchObject({
    action: 'script.execute',
    workloadName: name,
    options: { paramNames: ['day'] },
  })
  // Parameter values are not written to the audit log.
  expect(JSON.stringify(trail)).not.toContain('2026-01-01')
  expect((await outcomesOf(h, res.auditId ?? ''))[0]).toMatchObject({
    outcome: 'success',
    cloudMessage: `instanceId=${res.instance.instanceId}`,
  })
  h.sim.control.advance(4_000)
  const list = await h.services.workloads.list(user('viewer'), KIND, ListQuery.parse({}))
  expect(list.items).toEqual([
    expect.objectContaining({
      id: res.instance.id,
      state: 'running',
      rawStatus: 'RUNNING',
      owner: 'operator',
    }),
  ])
  expect((await h.services.scripts.list()).items[0]).toMatchObject({
    id: res.instance.id,
    lastStatus: 'RUNNING',
  })
  await h.close()
})

test('a stopped instance ends FAILED upstream and is shown as stopped (no stopped status is documented)', async () => {
  const h = await createHarness()
  const { res } = await execute(h)
  h.sim.control.advance(4_000)
  const ref = { kind: KIND, target: h.target, id: res.instance.id } as const
  const stop = await h.services.workloads.stop(
    user('operator'),
    ref,
    { reason: 'wrong params' },
    META,
  )
  await h.services.workloads.idle()
  const detail = await h.services.workloads.detail(user('viewer'), ref)
  expect(detail.workload).toMatchObject({ rawStatus: 'FAILED', state: 'stopped' })
  expect(detail.workload.actions.delete.allowed).toBe(false)
  expect(detail.workload.actions.delete.reason).toMatch(
    /^Delete is not possible: DataArts has no API/,
  )
  expect((await outcomesOf(h, stop.auditId ?? '')).map((o) => o.source)).toEqual([
    'request',
    'watcher',
  ])
  await expect(
    h.services.workloads.delete(
      user('admin'),
      ref,
      { reason: 'cleanup', confirmName: detail.workload.name },
      META,
    ),
  ).rejects.toMatchObject({ code: 'ACTION_NOT_ALLOWED' })
  await h.close()
})

test('register checks the instance upstream; unknown instances are refused and audited as failures', async () => {
  const h = await createHarness()
  const name = await scriptName(h)
  const { data } = await h.cloud.client.dataarts.executeScript(name)
  const ok = await h.services.scripts.register(
    user('operator'),
    { target: h.target, scriptName: name, instanceId: data.instanceId },
    META,
  )
  expect(ok.instance).toMatchObject({
    instanceId: data.instanceId,
    lastStatus: 'LAUNCHING',
    state: 'pending',
  })
  await expect(
    h.services.scripts.register(
      user('operator'),
      { target: h.target, scriptName: name, instanceId: 'nope' },
      META,
    ),
  ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  const trail = await auditTrail(h)
  expect(trail.filter((r) => r.type === 'intent').map((r) => r.body.action)).toEqual([
    'script.register',
    'script.register',
  ])
  expect(trail.filter((r) => r.type === 'outcome').map((r) => r.body.outcome)).toEqual([
    'success',
    'failure',
  ])
  await h.close()
})

test('documented DLF script errors surface with their codes (DLF.6201, DLF.6205)', async () => {
  const h = await createHarness()
  const missingScript = await h.services.scripts
    .execute(user('operator'), h.target, 'no_such_script', { params: {}, reason: 'try it' }, META)
    .catch((e: unknown) => e)
  expect(missingScript).toMatchObject({
    code: 'UPSTREAM_REJECTED',
    extra: { upstream: { cloudCode: 'DLF.6201' } },
  })
  const trail = await auditTrail(h)
  expect(trail.map((r) => r.type)).toEqual(['intent', 'outcome'])
  expect(trail[1]?.body).toMatchObject({
    outcome: 'failure',
    cloudCode: 'DLF.6201',
    httpStatus: 400,
  })
  const adapter = createScriptInstanceAdapter(createScriptRegistry(h.ctx.deps.db), h.ctx.clock)
  const name = await scriptName(h)
  const stopErr = describeUpstreamError(
    await adapter.stop(h.cloud, `${name}:missing_instance`, {}).catch((e: unknown) => e),
  )
  expect(stopErr).toMatchObject({ code: 'UPSTREAM_REJECTED', cloudCode: 'DLF.6205' })
  expect(await adapter.get(h.cloud, `${name}:missing_instance`)).toBeNull()
  await h.close()
})
