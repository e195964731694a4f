import { expect, test } from 'vitest'
import { createHarness, user } from './testing/workloads-harness.js'

test('a hanging service opens its breaker after repeated overviews, then fails fast while the other sources answer', async () => {
  // No list cache: every overview must reach the client (the test clock does not move anyway).
  const h = await createHarness({ sourceTimeoutMs: 100, listCacheTtlMs: 0 })
  h.sim.control.injectFault({ service: 'dli', kind: 'hang' })
  const dliBreaker = () => h.services.cloudHealth().find((e) => e.service === 'dli')

  // Each overview lists DLI once per target and gives up at the source deadline (a TimeoutError
  // abort), which the shared registry counts; a plain abort would leave the breaker closed forever.
  let overviews = 0
  while (dliBreaker()?.state !== 'open' && overviews < 10) {
    const overview = await h.services.workloads.overview(user('viewer'))
    const dli = overview.sources.filter((s) => s.kind === 'dli-flink-job')
    expect(dli.every((s) => !s.ok && s.error?.code === 'UPSTREAM_TIMEOUT')).toBe(true)
    overviews++
  }
  expect(dliBreaker()).toMatchObject({ state: 'open' })
  expect(overviews).toBeLessThanOrEqual(5)

  h.sim.control.clearRequests()
  const overview = await h.services.workloads.overview(user('viewer'))
  // Refused by the open breaker (UPSTREAM_UNAVAILABLE, not a timeout at the deadline), never sent.
  const dli = overview.sources.filter((s) => s.kind === 'dli-flink-job')
  expect(dli).toHaveLength(h.services.targets.length)
  expect(dli.every((s) => !s.ok && s.error?.code === 'UPSTREAM_UNAVAILABLE')).toBe(true)
  expect(h.upstream().filter((r) => r.service === 'dli')).toHaveLength(0)
  const others = overview.sources.filter((s) => s.kind !== 'dli-flink-job')
  expect(others.length).toBeGreaterThan(0)
  expect(others.every((s) => s.ok)).toBe(true)
  // The other services' breakers stay closed: one registry, one breaker per (service, endpoint).
  expect(
    h.services
      .cloudHealth()
      .filter((e) => e.service !== 'dli')
      .every((e) => e.state === 'closed'),
  ).toBe(true)
  await h.close()
})
