import { expect, test } from 'vitest'
import { createHarness, META, user } from '../testing/workloads-harness.js'

test('execute with the audit log down answers AUDIT_UNAVAILABLE and runs nothing', async () => {
  const h = await createHarness()
  await h.ctx.testDb.db.destroy()
  await expect(
    h.services.scripts.execute(
      user('operator'),
      h.target,
      'any_script',
      { params: {}, reason: 'daily backfill' },
      META,
    ),
  ).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE', status: 503 })
  expect(h.upstream()).toEqual([])
  await h.services.close()
})

test('unknown targets and malformed script names are refused before the audit log or the cloud', async () => {
  const h = await createHarness()
  await expect(
    h.services.scripts.execute(
      user('operator'),
      'nowhere',
      'x',
      { params: {}, reason: 'daily backfill' },
      META,
    ),
  ).rejects.toMatchObject({ code: 'NOT_FOUND' })
  await expect(
    h.services.scripts.execute(
      user('operator'),
      h.target,
      '../x',
      { params: {}, reason: 'daily backfill' },
      META,
    ),
  ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  await expect(
    h.services.scripts.register(
      user('operator'),
      { target: h.target, scriptName: 'x', instanceId: 'a.b' },
      META,
    ),
  ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  expect(h.upstream()).toEqual([])
  expect(await h.ctx.deps.db.selectFrom('audit_log').select('seq').execute()).toEqual([])
  await h.close()
})

test('a tracked instance whose target fails keeps its stored status in the list', async () => {
  const h = await createHarness()
  const { data } = await h.cloud.client.dataarts.listScripts({ limit: 100 })
  const name = data.scripts[0]?.name ?? ''
  const started = await h.services.scripts.execute(
    user('operator'),
    h.target,
    name,
    { params: {}, reason: 'daily backfill' },
    META,
  )
  h.sim.control.injectFault({ service: 'dataarts', kind: 'status', status: 503 })
  const list = await h.services.scripts.list()
  expect(list.items).toEqual([
    expect.objectContaining({ id: started.instance.id, lastStatus: null, state: 'unknown' }),
  ])
  await h.close()
})
