import { expect, test } from 'vitest'
import { createCloudSim } from '@ops-console/cloud-sim'
import { parseConfig } from '../lib/config.js'
import { createCloudTargets, SIM_ORIGIN } from './cloud-targets.js'

test('demo mode runs the simulator in-process: one target per simulated project, named after its region', async () => {
  const config = parseConfig({ NODE_ENV: 'test' })
  expect(config.demoMode).toBe(true)
  const { targets, sim } = createCloudTargets(config)
  if (!sim) throw new Error('demo mode must create a simulator')
  expect(targets.map((t) => [t.name, t.projectId])).toEqual(
    sim.defaults.projects.map((p) => [p.region, p.id]),
  )
  const [first] = targets
  expect(first?.codeartsProjectIds).toEqual(sim.defaults.codeartsProjectIds[first?.region ?? ''])
  // Calls go through sim.fetch to the loopback prefix of each service (signed with the sim's AK/SK).
  const res = await first?.client.dli.listJobs({ limit: 1 })
  expect(res?.status).toBe(200)
  expect(sim.control.requests().some((r) => r.service === 'dli' && r.status === 200)).toBe(true)
  expect(SIM_ORIGIN).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
})

test('a simulator passed in by a test is used instead of creating one', () => {
  const sim = createCloudSim({ clock: 'manual' })
  const { targets, sim: used } = createCloudTargets(parseConfig({ NODE_ENV: 'test' }), { sim })
  expect(used).toBe(sim)
  expect(targets).toHaveLength(sim.defaults.projects.length)
})

test('a configured cloud builds one client per configured target and no simulator', () => {
  const config = parseConfig({
    NODE_ENV: 'test',
    CLOUD_AK: 'AKEXAMPLE',
    CLOUD_SK: 'SKEXAMPLE',
    CLOUD_TARGETS: JSON.stringify([
      {
        name: 'prod-eu',
        region: 'eu-west-101',
        projectId: '0123456789abcdef0123456789abcdef',
        codeartsProjectIds: ['abc'],
      },
      { name: 'dev-cn', region: 'cn-north-4', projectId: 'fedcba9876543210fedcba9876543210' },
    ]),
  })
  const { targets, sim } = createCloudTargets(config)
  expect(sim).toBeNull()
  expect(targets.map((t) => [t.name, t.region, t.client.region, t.codeartsProjectIds])).toEqual([
    ['prod-eu', 'eu-west-101', 'eu-west-101', ['abc']],
    ['dev-cn', 'cn-north-4', 'cn-north-4', []],
  ])
})
