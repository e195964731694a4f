import { createCloudSim, type CloudSim } from '@ops-console/cloud-sim'
import { expect, test } from 'vitest'
import { parseConfig } from '../lib/config.js'
import { runCloudCheck } from './cloud-check-command.js'

/** A configured (non-demo) BFF whose one target is the simulator, reached through its loopback prefixes. */
function configFor(sim: CloudSim, sk = sim.defaults.aksk.sk) {
  const project = sim.defaults.projects[0]!
  const endpoints = Object.fromEntries(
    ['iam', 'dataarts', 'codearts', 'dli', 'modelarts'].map((s) => [
      `CLOUD_ENDPOINT_${s.toUpperCase()}`,
      `http://127.0.0.1:4010/${s}`,
    ]),
  )
  return parseConfig({
    NODE_ENV: 'test',
    CLOUD_AK: sim.defaults.aksk.ak,
    CLOUD_SK: sk,
    CLOUD_TARGETS: JSON.stringify([
      {
        name: 'sim-cn',
        region: project.region,
        projectId: project.id,
        workspace: sim.defaults.workspaceId,
        codeartsProjectIds: sim.defaults.codeartsProjectIds[project.region],
      },
    ]),
    ...endpoints,
  })
}

async function run(sim: CloudSim, argv: string[] = [], sk?: string) {
  const lines: string[] = []
  const code = await runCloudCheck(argv, configFor(sim, sk), {
    out: (line) => lines.push(line),
    targets: { clientOverrides: { fetch: (input, init) => sim.fetch(input, init) } },
  })
  return { code, text: lines.join('\n') }
}

test('good credentials: exit 0, a row per service with outcome, latency, status and endpoint', async () => {
  const sim = createCloudSim({ clock: 'manual' })
  const { code, text } = await run(sim)
  expect(code).toBe(0)
  expect(text).toContain('sim-cn (huaweicloud cn-north-4)')
  for (const service of ['iam', 'dataarts', 'codearts', 'dli', 'modelarts'])
    expect(text).toMatch(
      new RegExp(
        `\\n  ${service}\\s+ok\\s+\\d+ ms\\s+200\\s+-\\s+[0-9a-f]{32}\\s+http://127\\.0\\.0\\.1:4010/${service}`,
      ),
    )
  expect(text).not.toContain(sim.defaults.aksk.sk)
})

test('a wrong secret key: exit 1, IAM unauthenticated with the cloud code, the rest skipped; JSON on request', async () => {
  const sim = createCloudSim({ clock: 'manual' })
  const { code, text } = await run(sim, ['--json'], 'wrong-secret')
  expect(code).toBe(1)
  const report = JSON.parse(text) as {
    demoMode: boolean
    targets: { services: { service: string; outcome: string; code: string | null }[] }[]
  }
  expect(report.demoMode).toBe(false)
  expect(report.targets[0]?.services.map((s) => [s.service, s.outcome, s.code])).toEqual([
    ['iam', 'unauthenticated', '401'],
    ['dataarts', 'skipped', null],
    ['codearts', 'skipped', null],
    ['dli', 'skipped', null],
    ['modelarts', 'skipped', null],
  ])
  expect(text).not.toContain('wrong-secret')
})

test('a forbidden service: exit 1, that service forbidden with its code and message, the others ok', async () => {
  const base = createCloudSim({ clock: 'manual' })
  const sim = createCloudSim({
    clock: 'manual',
    akskPairs: [{ ...base.defaults.aksk, deny: ['modelarts'] }],
  })
  const { code, text } = await run(sim)
  expect(code).toBe(1)
  expect(text).toMatch(/\n {2}modelarts\s+forbidden\s+\d+ ms\s+403\s+APIGW\.0302/)
  expect(text).toContain('The IAM user is not authorized to access the API.')
  expect(text).toMatch(/\n {2}dli\s+ok/)
})

test('demo mode checks the embedded simulator and says so', async () => {
  const lines: string[] = []
  const code = await runCloudCheck([], parseConfig({ NODE_ENV: 'test' }), {
    out: (l) => lines.push(l),
    targets: { sim: createCloudSim({ clock: 'manual' }) },
  })
  expect(code).toBe(0)
  expect(lines[0]).toBe('demo mode: no cloud configured, checking the embedded simulator\n')
})
