import { expect, test } from 'vitest'
import { createCloudSim } from '@ops-console/cloud-sim'
import { parseConfig } from '../lib/config.js'
import { checkCloudTargets, createCloudTargets, SIM_ORIGIN } from './cloud-targets.js'

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

test('every client shares the one resilience registry whose snapshot is exposed', async () => {
  const sim = createCloudSim({ clock: 'manual' })
  const { targets, resilience } = createCloudTargets(parseConfig({ NODE_ENV: 'test' }), {
    sim,
    // A client override must not replace the shared registry.
    clientOverrides: { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
  })
  expect(targets.length).toBeGreaterThan(1)
  expect(targets.every((t) => t.client.resilience === resilience)).toBe(true)
  await targets[0]?.client.dli.listJobs({ limit: 1 })
  await targets[1]?.client.dli.listJobs({ limit: 1 })
  // The simulated targets share one origin: one entry per service, not per target.
  const health = resilience.snapshot()
  expect(health.map((e) => e.service).sort()).toEqual([
    'codearts',
    'dataarts',
    'dli',
    'iam',
    'modelarts',
  ])
  expect(health.every((e) => e.state === 'closed' && e.failures === 0)).toBe(true)
})

test('a target picks its provider preset and its own https endpoints, which win over the preset', () => {
  const config = parseConfig({
    NODE_ENV: 'production',
    PUBLIC_ORIGIN: 'https://ops.example.com',
    CLOUD_AK: 'AKEXAMPLE',
    CLOUD_SK: 'SKEXAMPLE',
    CLOUD_TARGETS: JSON.stringify([
      {
        name: 'otc-de',
        provider: 'otc',
        region: 'eu-de',
        projectId: '0123456789abcdef0123456789abcdef',
        endpoints: { dli: 'https://dli.private.example.com' },
      },
      { name: 'hw-cn', region: 'cn-north-4', projectId: 'fedcba9876543210fedcba9876543210' },
    ]),
  })
  const [otc, hw] = createCloudTargets(config).targets
  expect(otc?.client.provider).toBe('otc')
  expect(otc?.client.endpoints).toMatchObject({
    iam: 'https://iam.eu-de.otc.t-systems.com',
    dataarts: 'https://dayu-dlf.eu-de.otc.t-systems.com',
    dli: 'https://dli.private.example.com',
    codearts: null,
  })
  expect(hw?.client.provider).toBe('huaweicloud')
  expect(hw?.client.endpoints.dli).toBe('https://dli.cn-north-4.myhuaweicloud.com')
})

test.each([
  [{ provider: 'aws' }, 'provider'],
  [{ endpoints: { dli: 'http://dli.example.com' } }, 'https'],
  [{ endpoints: { s3: 'https://s3.example.com' } }, 'endpoints'],
])('a target with %j is refused at start-up', (extra, problem) => {
  const targets = [{ name: 'x', region: 'eu-de', projectId: 'p', ...extra }]
  expect(() =>
    parseConfig({
      NODE_ENV: 'test',
      CLOUD_AK: 'A',
      CLOUD_SK: 'S',
      CLOUD_TARGETS: JSON.stringify(targets),
    }),
  ).toThrow(problem)
})

test('checkCloudTargets checks every target against the embedded simulator in demo mode', async () => {
  const sim = createCloudSim({ clock: 'manual' })
  const { targets } = createCloudTargets(parseConfig({ NODE_ENV: 'test' }), { sim })
  const report = await checkCloudTargets(targets)
  expect(report.map((t) => t.target)).toEqual(targets.map((t) => t.name))
  for (const t of report) {
    expect(t.provider).toBe('huaweicloud')
    expect(t.services.map((s) => [s.service, s.outcome])).toEqual([
      ['iam', 'ok'],
      ['dataarts', 'ok'],
      ['codearts', 'ok'],
      ['dli', 'ok'],
      ['modelarts', 'ok'],
    ])
  }
})
