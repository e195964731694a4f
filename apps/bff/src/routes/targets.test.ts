import { expect, test } from 'vitest'
import type { TargetList } from '@ops-console/contracts'
import { createRouteHarness } from '../workloads/testing/route-harness.js'

test('signed-in users see the targets with their listable kinds, and never credentials', async () => {
  const h = await createRouteHarness()
  const res = await (await h.as('viewer')).get('/api/targets')
  expect(res.status).toBe(200)
  const body = (await res.json()) as TargetList
  expect(body.targets.map((t) => t.name)).toEqual(h.sim.defaults.projects.map((p) => p.region))
  expect(body.targets[0]?.kinds).toContain('dli-flink-job')
  expect(body.demoMode).toBe(h.deps.config.demoMode)
  const text = JSON.stringify(body)
  expect(text).not.toContain(h.sim.defaults.aksk.sk)
  expect(text).not.toContain(h.sim.defaults.projects[0]?.id ?? 'x')
  await h.close()
})

test('anonymous callers are refused', async () => {
  const h = await createRouteHarness()
  expect((await h.browser().get('/api/targets')).status).toBe(401)
  await h.close()
})
