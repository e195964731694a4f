import { expect, test } from 'vitest'
import type { ScriptList } from '@ops-console/contracts'
import { createRouteHarness } from '../workloads/testing/route-harness.js'

test('viewers list the DataArts scripts of every target for the execute picker (name, type, target)', async () => {
  const h = await createRouteHarness()
  const res = await (await h.as('viewer')).get('/api/scripts')
  expect(res.status).toBe(200)
  const body = (await res.json()) as ScriptList
  const targets = h.services.targets.map((t) => t.name)
  expect(body.sources.map((s) => [s.target, s.ok])).toEqual(targets.map((t) => [t, true]))
  // Every script the cloud lists for the first target, with its type; nothing else of it.
  const upstream = await h.services.cloudTargets[0]?.client.dataarts.listScripts({ limit: 100 })
  const first = body.items.filter((s) => s.target === h.target)
  expect(first.map((s) => [s.name, s.type]).sort()).toEqual(
    (upstream?.data.scripts ?? []).map((s) => [s.name, s.type ?? null]).sort(),
  )
  expect(first.length).toBeGreaterThan(0)
  expect(Object.keys(first[0] ?? {}).sort()).toEqual([
    'description',
    'directory',
    'name',
    'target',
    'type',
  ])
  expect(new Set(body.items.map((s) => s.target))).toEqual(new Set(targets))
  const keys = body.items.map((s) => `${s.target}\u0000${s.name}`)
  expect(keys).toEqual([...keys].sort())
  await h.close()
})

test('a target filter lists one target; a failing target is a failed source, not a failed page', async () => {
  const h = await createRouteHarness()
  const viewer = await h.as('viewer')
  const one = (await (await viewer.get(`/api/scripts?target=${h.target}`)).json()) as ScriptList
  expect(one.sources.map((s) => s.target)).toEqual([h.target])
  expect(one.items.every((s) => s.target === h.target)).toBe(true)
  h.sim.control.injectFault({ service: 'dataarts', path: '/scripts', kind: 'status', status: 503 })
  const failed = await viewer.get(`/api/scripts?target=${h.target}`)
  expect(failed.status).toBe(200)
  expect((await failed.json()) as ScriptList).toMatchObject({
    items: [],
    sources: [{ target: h.target, ok: false, error: { code: 'UPSTREAM_UNAVAILABLE' } }],
  })
  expect((await viewer.get('/api/scripts?target=..%2Fx')).status).toBe(400)
  await h.close()
})

test('anonymous callers may not list scripts', async () => {
  const h = await createRouteHarness()
  expect((await h.browser().get('/api/scripts')).status).toBe(401)
  await h.close()
})
