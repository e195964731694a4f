import { expect, test } from 'vitest'
import type { CloudClient } from '../../src/client.js'
import { cloudError, requestsTo, simSetup } from './sim-harness.js'

async function runningBuild(
  client: CloudClient,
  codeartsProjectId: string,
): Promise<{ jobId: string; buildNo: string }> {
  const jobs = (await client.codearts.listProjectJobs(codeartsProjectId, { pageSize: 100 })).data
    .jobs
  for (const job of jobs) {
    if (!(await client.codearts.getJobStatus(job.id)).data.result) continue
    const status = (await client.codearts.getRunningStatus(job.id)).data.result
    expect(status.is_running).toBe(true)
    return { jobId: job.id, buildNo: status.last_build_no! }
  }
  throw new Error('the sim world has no running build')
}

function setup(auth: 'password' | 'aksk', route?: 'v1' | 'v3' | 'legacy') {
  const s = simSetup(auth, route ? { codeartsStopRoute: route } : {})
  return { ...s, cp: s.sim.defaults.codeartsProjectIds[s.region]![0]! }
}

test('reads: project jobs, status, running status, info, history, build info, record info', async () => {
  const { client, cp } = setup('password')
  const list = (await client.codearts.listProjectJobs(cp, { pageIndex: 0, pageSize: 100 })).data
  expect(list.total).toBeGreaterThanOrEqual(list.jobs.length)
  const { jobId, buildNo } = await runningBuild(client, cp)
  const info = (await client.codearts.getJobInfo(jobId)).data
  expect(typeof info.running_status).toBe('string')
  const history = (await client.codearts.getHistory(jobId, { limit: 100, interval: 30 })).data
  expect(Array.isArray(history.history_records)).toBe(true)
  expect((await client.codearts.getBuildInfo(jobId, buildNo)).data.result.building).toBe(true)
  const record = (await client.codearts.getRecordInfo(jobId, buildNo)).data.result
  expect(Number(record.build_no)).toBe(Number(buildNo))
})

test('stopBuild auto uses the v1 route; the build ends ABORTED under the manual clock', async () => {
  const { client, sim, cp } = setup('password')
  const { jobId, buildNo } = await runningBuild(client, cp)
  const stop = await client.codearts.stopBuild(jobId, buildNo)
  expect(stop.data).toMatchObject({ route: 'v1', accepted: true })
  expect(requestsTo(sim, 'codearts', 'POST', '/stop').map((r) => r.path)).toEqual([
    `/v1/job/${jobId}/stop`,
  ])
  sim.control.advance(60_000)
  expect((await client.codearts.getBuildInfo(jobId, buildNo)).data.result).toMatchObject({
    building: false,
    build_result: 'ABORTED',
  })
  expect(await cloudError(client.codearts.stopBuild(jobId, buildNo))).toMatchObject({
    status: 400,
    service: 'codearts',
  })
  expect(requestsTo(sim, 'codearts', 'POST', '/stop')).toHaveLength(2)
})

test.each(['v3', 'legacy'] as const)(
  'configured %s stop route works against the sim',
  async (route) => {
    const { client, sim, cp } = setup('aksk', route)
    const { jobId, buildNo } = await runningBuild(client, cp)
    expect((await client.codearts.stopBuild(jobId, buildNo)).data).toMatchObject({
      route,
      accepted: true,
    })
    sim.control.advance(60_000)
    expect((await client.codearts.getJobStatus(jobId)).data.result).toBe(false)
  },
)

test('a 5xx on stop is not retried and does not fall back to an older route', async () => {
  const { client, sim, cp } = setup('password')
  const { jobId, buildNo } = await runningBuild(client, cp)
  sim.control.injectFault({
    service: 'codearts',
    method: 'POST',
    path: '/stop',
    kind: 'status',
    status: 503,
    times: 1,
  })
  const error = await cloudError(client.codearts.stopBuild(jobId, buildNo))
  expect(error).toMatchObject({ status: 503, code: 'CB.00060100', retryable: true })
  expect(requestsTo(sim, 'codearts', 'POST', '/stop')).toHaveLength(1)
})

test('deleteJob removes the task', async () => {
  const { client, cp } = setup('aksk')
  const job = (await client.codearts.listProjectJobs(cp, { pageSize: 1 })).data.jobs[0]!
  expect((await client.codearts.deleteJob(job.id)).data.status).toBe('success')
  const after = (await client.codearts.listProjectJobs(cp, { pageSize: 100 })).data.jobs
  expect(after.map((j) => j.id)).not.toContain(job.id)
})
