import { expect, test } from 'vitest'
import { createCloudSim } from '../src/index.js'
import { generateWorld, summarizeWorld } from '../src/world/generate.js'
import { BASE, manualSim } from './helpers.js'

test('large world: 10,000+ workloads built well under a second', () => {
  const t0 = performance.now()
  const sim = createCloudSim({ size: 'large', clock: 'manual' })
  const elapsed = performance.now() - t0
  expect(elapsed).toBeLessThan(1000)
  expect(sim.defaults.projects).toHaveLength(2)
})

test('large world summary counts', async () => {
  const sim = manualSim({ size: 'large' })
  const summary = (await (await sim.fetch(`${BASE}/__sim/world`)).json()) as {
    totalWorkloads: number
    dli: { jobs: number }
  }
  expect(summary.totalWorkloads).toBeGreaterThanOrEqual(10_000)
  expect(summary.dli.jobs).toBe(2800)
})

test('same seed, same world; other seed, other ids', () => {
  const a = summarizeWorld(generateWorld(42, 'small', 0))
  const b = summarizeWorld(generateWorld(42, 'small', 0))
  const c = summarizeWorld(generateWorld(43, 'small', 0))
  expect(a).toEqual(b)
  expect(c.projects[0]?.id).not.toBe(a.projects[0]?.id)
})

test('defaults describe two regions, 32-hex project ids and 2 CodeArts projects per region', () => {
  const sim = manualSim()
  expect(sim.defaults.regions).toEqual(['cn-north-4', 'ap-southeast-3'])
  expect(sim.defaults.projects.every((p) => /^[0-9a-f]{32}$/.test(p.id))).toBe(true)
  expect(Object.values(sim.defaults.codeartsProjectIds).map((ids) => ids.length)).toEqual([2, 2])
  expect(
    Object.values(sim.defaults.codeartsProjectIds)
      .flat()
      .every((id) => /^[0-9a-z]{32}$/.test(id)),
  ).toBe(true)
  sim.control.reset({ seed: 1 })
  expect(sim.defaults.projects[0]?.id).not.toBe(manualSim().defaults.projects[0]?.id)
})

test('manual clock starts at startTime and only moves on advance', () => {
  const sim = manualSim({ startTime: 1_800_000_000_000 })
  expect(sim.control.now()).toBe(1_800_000_000_000)
  sim.control.advance(250)
  expect(sim.control.now()).toBe(1_800_000_000_250)
})
