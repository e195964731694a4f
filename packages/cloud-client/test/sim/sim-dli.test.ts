import { expect, test } from 'vitest'
import { cloudError, simSetup } from './sim-harness.js'

async function allJobs(setup: ReturnType<typeof simSetup>) {
  const { data } = await setup.client.dli.listJobs({ limit: 100, offset: 0 })
  expect(data.job_list.total_count).toBeGreaterThanOrEqual(data.job_list.jobs.length)
  return data.job_list.jobs
}

test('list and detail keep ids above 2^53 exact end to end', async () => {
  const setup = simSetup('aksk')
  const jobs = await allJobs(setup)
  const big = jobs.find((j) => BigInt(j.job_id) > 2n ** 53n)
  expect(big, 'the sim world contains long job ids').toBeDefined()
  const detail = (await setup.client.dli.getJob(big!.job_id)).data.job_detail
  expect(detail.job_id).toBe(big!.job_id)
  expect(detail.name).toBe(big!.name)
})

test('stop lifecycle under the manual clock: job_running → job_canceling → job_cancel_success', async () => {
  const setup = simSetup('password')
  const running = (await setup.client.dli.listJobs({ status: 'job_running', limit: 100 })).data
    .job_list.jobs
  const target = running.find((j) => BigInt(j.job_id) > 2n ** 53n) ?? running[0]!
  const stop = await setup.client.dli.stopJobs([target.job_id], { triggerSavepoint: false })
  expect(stop.status).toBe(200)
  expect(stop.data).toEqual([
    expect.objectContaining({ jobId: target.job_id, ok: true, outcome: 'accepted', code: null }),
  ])
  expect((await setup.client.dli.getJob(target.job_id)).data.job_detail.status).toBe(
    'job_canceling',
  )
  setup.sim.control.advance(60_000)
  expect((await setup.client.dli.getJob(target.job_id)).data.job_detail.status).toBe(
    'job_cancel_success',
  )
  const again = await cloudError(setup.client.dli.stopJobs([target.job_id]))
  expect(again).toMatchObject({ kind: 'http', status: 400, code: 'DLI.15002', retryable: false })
})

test('a stop that fails ends in job_cancel_fail', async () => {
  const setup = simSetup('aksk')
  const target = (await setup.client.dli.listJobs({ status: 'job_running', limit: 1 })).data
    .job_list.jobs[0]!
  setup.sim.control.forceStopFailure('dli', target.job_id)
  await setup.client.dli.stopJobs([target.job_id])
  setup.sim.control.advance(60_000)
  expect((await setup.client.dli.getJob(target.job_id)).data.job_detail.status).toBe(
    'job_cancel_fail',
  )
})

test('unknown ids: detail DLI.16001, delete DLI.17001', async () => {
  const { client } = simSetup('aksk')
  expect(await cloudError(client.dli.getJob('1'))).toMatchObject({ status: 400, code: 'DLI.16001' })
  expect(await cloudError(client.dli.deleteJob('1'))).toMatchObject({
    status: 400,
    code: 'DLI.17001',
  })
})

test('delete one, then batch delete with a partial failure', async () => {
  const setup = simSetup('aksk')
  const [a, b] = await allJobs(setup)
  const del = await setup.client.dli.deleteJob(a!.job_id)
  expect(del.data.is_success).toBe(true)
  const batch = await setup.client.dli.deleteJobs([b!.job_id, a!.job_id])
  expect(batch.data).toEqual([
    expect.objectContaining({ jobId: b!.job_id, ok: true, outcome: 'accepted', code: null }),
    expect.objectContaining({ jobId: a!.job_id, ok: false, outcome: 'refused', code: 'DLI.17001' }),
  ])
})

test('runJobs restarts a stopped job: job_submitting → job_running; running twice is rejected', async () => {
  const setup = simSetup('aksk')
  const target = (await setup.client.dli.listJobs({ status: 'job_running', limit: 1 })).data
    .job_list.jobs[0]!
  await setup.client.dli.stopJobs([target.job_id])
  setup.sim.control.advance(60_000)
  const run = await setup.client.dli.runJobs([target.job_id])
  expect(run.data[0]).toMatchObject({ jobId: target.job_id, ok: true })
  expect((await setup.client.dli.getJob(target.job_id)).data.job_detail.status).toBe(
    'job_submitting',
  )
  setup.sim.control.advance(60_000)
  expect((await setup.client.dli.getJob(target.job_id)).data.job_detail.status).toBe('job_running')
  expect(await cloudError(setup.client.dli.runJobs([target.job_id]))).toMatchObject({
    status: 400,
    code: 'DLI.13005',
  })
})
