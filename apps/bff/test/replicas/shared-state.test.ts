import { afterEach, expect, test } from 'vitest'
import type { ScriptInstanceList, ScriptInstanceResult } from '@ops-console/contracts'
import { createReplicaPair, PASSWORD, type ReplicaPair } from './replica-pair.js'
import { sameBrowserOn } from './replica-tools.js'

let pair: ReplicaPair | null = null
afterEach(async () => {
  await pair?.close()
  pair = null
})

const me = async (res: Response) =>
  ((await res.json()) as { user: { username: string } | null }).user

test('a session created on replica A works on replica B; logging out on B ends it on A too', async () => {
  pair = await createReplicaPair()
  const onA = pair.a.browser()
  await onA.login('operator', PASSWORD)
  const onB = sameBrowserOn(onA, pair.b)
  expect(await me(await onB.get('/api/auth/me'))).toMatchObject({ username: 'operator' })
  expect((await onB.get('/api/targets')).status).toBe(200)

  expect((await onB.post('/api/auth/logout')).status).toBeLessThan(300)
  // A still holds the old cookie in its jar: the server-side session is what was deleted.
  expect(await me(await onA.get('/api/auth/me'))).toBeNull()
  expect((await onA.get('/api/targets')).status).toBe(401)
})

test('login rate limiting counts failures from both replicas together', async () => {
  pair = await createReplicaPair()
  const replicas = [pair.a, pair.b]
  // 3 free failures per (account, source), then a doubling wait (src/auth/login-throttle.ts),
  // spread over A and B.
  for (let i = 0; i < 4; i++) {
    const res = await replicas[i % 2]
      ?.browser()
      .post('/api/auth/login', { username: 'viewer', password: 'wrong password!' })
    expect(res?.status).toBe(401)
  }
  // The fifth attempt from that source, on either replica and even with the right password, waits.
  for (const r of replicas) {
    const res = await r
      .browser()
      .post('/api/auth/login', { username: 'viewer', password: PASSWORD })
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  }
  // Another account is not affected.
  expect(
    (await pair.b.browser().post('/api/auth/login', { username: 'admin', password: PASSWORD }))
      .status,
  ).toBe(200)
})

test('a script instance started on A is tracked in the shared registry and listed on B', async () => {
  pair = await createReplicaPair()
  const client = pair.a.services.cloudTargets[0]?.client
  const scripts = (await client?.dataarts.listScripts({ limit: 100 }))?.data.scripts ?? []
  const name = scripts.find((s) => s.name.includes('_query_'))?.name
  if (!name) throw new Error('no healthy script in the simulator')

  const op = pair.a.browser()
  await op.login('operator', PASSWORD)
  const res = await op.post(`/api/scripts/${pair.target}/${name}/execute`, {
    reason: 'nightly backfill',
  })
  expect(res.status).toBe(200)
  const { instance } = (await res.json()) as ScriptInstanceResult

  const viewer = pair.b.browser()
  await viewer.login('viewer', PASSWORD)
  const list = (await (await viewer.get('/api/scripts/instances')).json()) as ScriptInstanceList
  expect(list.items.map((i) => [i.id, i.scriptName, i.registeredBy])).toEqual([
    [instance.id, name, 'operator'],
  ])
  // Registering the same instance again on B is a no-op, not a second row.
  const again = await sameBrowserOn(op, pair.b).post('/api/scripts/instances', {
    target: pair.target,
    scriptName: name,
    instanceId: instance.instanceId,
  })
  expect(again.status).toBe(200)
  expect(
    await pair.b.handle.db
      .selectFrom('script_instances')
      .select(['script_name', 'instance_id'])
      .execute(),
  ).toEqual([{ script_name: name, instance_id: instance.instanceId }])
})
