import { createCloudSim } from '@ops-console/cloud-sim'
import { expect, test } from 'vitest'
import { createCloudClient } from '../../src/client.js'
import { createResilienceRegistry } from '../../src/resilience/resilience-registry.js'
import { cloudError, HOUR, requestsTo, simSetup } from './sim-harness.js'

test('password auth: 1,000 concurrent cold calls need exactly one IAM token request', async () => {
  // A bulkhead wide enough for the burst: this test is about the token single-flight, not load shedding.
  const { sim, client } = simSetup('password', {
    resilience: createResilienceRegistry({ bulkhead: { maxConcurrent: 1000 } }),
  })
  const results = await Promise.all(
    Array.from({ length: 1000 }, () => client.modelarts.listTasks({ limit: 1 })),
  )
  expect(results.every((r) => r.status === 200)).toBe(true)
  expect(requestsTo(sim, 'iam', 'POST', '/v3/auth/tokens')).toHaveLength(1)
})

test('AK/SK signatures are accepted by every service; a wrong secret is APIGW.0301', async () => {
  const { client, sim, region } = simSetup('aksk')
  await client.iam.listProjects(region)
  await client.dataarts.listJobs({ jobType: 'BATCH' })
  await client.codearts.listProjectJobs(sim.defaults.codeartsProjectIds[region]![0]!)
  await client.dli.listJobs()
  await client.modelarts.listTasks()
  expect(requestsTo(sim, 'iam', 'POST')).toHaveLength(0)
  const wrong = simSetup(
    'aksk',
    { credentials: { type: 'aksk', ak: sim.defaults.aksk.ak, sk: 'not-the-secret' } },
    sim,
  )
  const error = await cloudError(wrong.client.dli.listJobs())
  expect(error).toMatchObject({ kind: 'http', status: 401, code: 'APIGW.0301', service: 'dli' })
  expect(error.message).toContain('verify aksk signature fail')
  expect(error.message).not.toContain('not-the-secret')
  expect(error.requestId).toMatch(/\S/)
})

test('an expired token (sim clock +25 h) is refreshed once on the 401 and the call succeeds, also for a stop', async () => {
  const { sim, client } = simSetup('password')
  const jobs = (await client.dli.listJobs({ status: 'job_running', limit: 1 })).data.job_list.jobs
  expect(jobs.length).toBe(1)
  sim.control.advance(25 * HOUR)
  const stop = await client.dli.stopJobs([jobs[0]!.job_id])
  expect(stop.data[0]?.ok).toBe(true)
  expect(requestsTo(sim, 'iam', 'POST', '/v3/auth/tokens')).toHaveLength(2)
  expect(requestsTo(sim, 'dli', 'POST', '/stop').map((r) => r.status)).toEqual([401, 200])
})

test('wrong password: IAM error envelope, no secret in the error', async () => {
  const { sim } = simSetup('password')
  const { client } = simSetup(
    'password',
    {
      credentials: {
        type: 'password',
        domain: sim.defaults.user.domain,
        user: sim.defaults.user.name,
        password: 'WrongPass!',
      },
    },
    sim,
  )
  const error = await cloudError(client.modelarts.listTasks())
  expect(error).toMatchObject({
    service: 'iam',
    operation: 'createProjectToken',
    status: 401,
    code: '401',
  })
  expect(JSON.stringify(error) + error.message).not.toContain('WrongPass!')
})

test('IAM: create/validate token, list projects by region name, list auth projects', async () => {
  const { client, sim, region, projectId } = simSetup('password')
  const issued = await client.iam.createProjectToken({
    domain: sim.defaults.user.domain,
    user: sim.defaults.user.name,
    password: sim.defaults.user.password,
    projectId,
  })
  expect(issued.status).toBe(201)
  expect(issued.data.projectId).toBe(projectId)
  const valid = await client.iam.validateToken(issued.data.token)
  expect(valid.data.project?.id).toBe(projectId)
  expect((await cloudError(client.iam.validateToken('garbage'))).status).toBe(404)
  const projects = (await client.iam.listProjects(region)).data.projects
  expect(projects.map((p) => p.id)).toContain(projectId)
  expect((await client.iam.listAuthProjects()).data.projects.length).toBeGreaterThan(0)
})

test('a shared token provider serves clients of the same project with one IAM request', async () => {
  const sim = createCloudSim({ clock: 'manual' })
  const a = simSetup('password', {}, sim)
  const b = createCloudClient({ ...baseOptions(a), tokenProvider: a.client.tokenProvider! })
  await Promise.all([a.client.modelarts.listTasks(), b.modelarts.listTasks()])
  expect(requestsTo(sim, 'iam', 'POST', '/v3/auth/tokens')).toHaveLength(1)
})

function baseOptions({ sim, region, projectId }: ReturnType<typeof simSetup>) {
  const u = sim.defaults.user
  return {
    region,
    projectId,
    credentials: {
      type: 'password' as const,
      domain: u.domain,
      user: u.name,
      password: u.password,
    },
    endpoints: { modelarts: 'http://127.0.0.1:4010/modelarts', iam: 'http://127.0.0.1:4010/iam' },
    allowInsecureLoopback: true,
    nodeEnv: 'test',
    fetch: (input: string, init: RequestInit) => sim.fetch(input, init),
  }
}
