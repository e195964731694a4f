import { expect, test } from 'vitest'
import type { CloudSim } from '../src/index.js'
import { getJson, manualSim, projectOf, tokenFor } from './helpers.js'

interface CbJob {
  id: string
  is_finished: boolean
  last_build_status: string
}

async function setup(
  o: Parameters<typeof manualSim>[0] = {},
): Promise<{ sim: CloudSim; token: string; projectId: string }> {
  const sim = manualSim(o)
  const p = projectOf(sim)
  return {
    sim,
    token: await tokenFor(sim, { region: p.region }),
    projectId: sim.defaults.codeartsProjectIds[p.region]?.[0] ?? '',
  }
}

/** A job whose latest build is running, with that build number. */
async function runningBuild(
  sim: CloudSim,
  token: string,
  projectId: string,
  skip = 0,
): Promise<{ jobId: string; buildNo: string }> {
  const jobs = (
    (await getJson(sim, `/codearts/v3/${projectId}/jobs?page_index=0&page_size=100`, token))
      .body as { jobs: CbJob[] }
  ).jobs
  const job = jobs.filter((j) => !j.is_finished)[skip]
  if (!job) throw new Error('no running job')
  const rs = (await getJson(sim, `/codearts/v1/job/${job.id}/running-status`, token)).body as {
    result: { last_build_no: string }
  }
  return { jobId: job.id, buildNo: rs.result.last_build_no }
}

const build = async (
  sim: CloudSim,
  token: string,
  jobId: string,
  no: string,
): Promise<{ building: boolean; build_result: string }> =>
  (
    (await getJson(sim, `/codearts/v1/job/${jobId}/${no}/build-info`, token)).body as {
      result: { building: boolean; build_result: string }
    }
  ).result

test('job list pages by page_index/page_size and shows Jenkins colours', async () => {
  const { sim, token, projectId } = await setup()
  const all = (
    await getJson(sim, `/codearts/v3/${projectId}/jobs?page_index=0&page_size=100`, token)
  ).body as { total: number; jobs: CbJob[] }
  expect(all.total).toBe(all.jobs.length)
  expect(all.jobs.every((j) => /^[0-9a-z]{32}$/.test(j.id))).toBe(true)
  const second = (
    await getJson(sim, `/codearts/v3/${projectId}/jobs?page_index=1&page_size=1`, token)
  ).body as { jobs: CbJob[] }
  expect(second.jobs[0]?.id).toBe(all.jobs[1]?.id)
  expect(all.jobs.some((j) => j.last_build_status.endsWith('_anime'))).toBe(true)
  const v1 = (
    await getJson(sim, `/codearts/v1/job/${projectId}/list?page_index=0&page_size=100`, token)
  ).body as { total: number }
  expect(v1.total).toBe(all.total)
  expect(
    (await getJson(sim, `/codearts/v3/${projectId}/jobs?page_size=101`, token)).body,
  ).toMatchObject({ error_code: 'CB.00060200' })
})

test('status, history and record-info of a running build', async () => {
  const { sim, token, projectId } = await setup()
  const { jobId, buildNo } = await runningBuild(sim, token, projectId)
  expect((await getJson(sim, `/codearts/v3/jobs/${jobId}/status`, token)).body).toEqual({
    result: true,
  })
  const history = (
    await getJson(sim, `/codearts/v3/jobs/${jobId}/history?offset=0&limit=10&interval=30`, token)
  ).body as {
    total: number
    history_records: {
      build_number: number
      result: string
      start_time: string
      end_time: string
    }[]
  }
  expect(history.history_records[0]).toMatchObject({
    build_number: Number(buildNo),
    result: 'RUNNING',
    end_time: '',
  })
  expect(history.history_records[0]?.start_time).toMatch(/\+08:00$/)
  const record = (await getJson(sim, `/codearts/v4/jobs/${jobId}/${buildNo}/record-info`, token))
    .body
  expect(record).toMatchObject({
    status: 'success',
    result: { build_no: Number(buildNo), status: 'RUNNING', finish_time: '' },
  })
  // Times are strings per the documented table (ISO-8601 with the +08:00 of the history example).
  expect((record as { result: { start_time: string } }).result.start_time).toMatch(/\+08:00$/)
  const info = (await getJson(sim, `/codearts/v1/job/${jobId}/info`, token)).body
  expect(info).toMatchObject({
    status: 'success',
    error: null,
    result: { running_status: 'Running' },
  })
})

test('v3 path stop: {success,result}; build ends ABORTED after stopDelayMs', async () => {
  const { sim, token, projectId } = await setup({ stopDelayMs: 2000 })
  const { jobId, buildNo } = await runningBuild(sim, token, projectId)
  const res = await getJson(sim, `/codearts/v3/jobs/${jobId}/${buildNo}/stop`, token, {
    method: 'POST',
  })
  expect(res.status).toBe(200)
  expect(res.body).toEqual({ success: true, result: '' })
  expect((await build(sim, token, jobId, buildNo)).building).toBe(true)
  sim.control.advance(2000)
  expect(await build(sim, token, jobId, buildNo)).toMatchObject({
    building: false,
    build_result: 'ABORTED',
  })
  expect(
    (await getJson(sim, `/codearts/v3/jobs/${jobId}/${buildNo}/stop`, token, { method: 'POST' }))
      .status,
  ).toBe(400)
})

test('legacy /v3/jobs/Stop and v1 stop (body or query build_no); forced failure → FAILURE', async () => {
  const { sim, token, projectId } = await setup({ stopDelayMs: 10 })
  const a = await runningBuild(sim, token, projectId, 0)
  const legacy = await getJson(sim, '/codearts/v3/jobs/Stop', token, {
    method: 'POST',
    body: JSON.stringify({ job_id: a.jobId, build_no: a.buildNo }),
  })
  expect(legacy.body).toEqual({ result: true })
  const other = sim.defaults.codeartsProjectIds[projectOf(sim).region]?.[1] ?? ''
  const b = await runningBuild(sim, token, other, 0)
  sim.control.forceStopFailure('codearts', `${b.jobId}:${b.buildNo}`)
  const v1 = await getJson(sim, `/codearts/v1/job/${b.jobId}/stop?build_no=${b.buildNo}`, token, {
    method: 'POST',
  })
  expect(v1.body).toEqual({ status: 'success' })
  sim.control.advance(10)
  expect((await build(sim, token, a.jobId, a.buildNo)).build_result).toBe('ABORTED')
  expect((await build(sim, token, b.jobId, b.buildNo)).build_result).toBe('FAILURE')
  const run = await getJson(sim, '/codearts/v3/jobs/build', token, {
    method: 'POST',
    body: JSON.stringify({ job_id: a.jobId }),
  })
  const next = (run.body as { actual_build_number: string }).actual_build_number
  expect(Number(next)).toBe(Number(a.buildNo) + 1)
  const v1Body = await getJson(sim, `/codearts/v1/job/${a.jobId}/stop`, token, {
    method: 'POST',
    body: JSON.stringify({ build_no: Number(next) }),
  })
  expect(v1Body.body).toEqual({ status: 'success' })
})

test('delete: both routes answer {result:{job_id,project_id},status} and the job is gone', async () => {
  const { sim, token, projectId } = await setup()
  const jobs = (
    (await getJson(sim, `/codearts/v3/${projectId}/jobs?page_size=100`, token)).body as {
      jobs: CbJob[]
    }
  ).jobs
  const [a, b] = jobs
  const r1 = await getJson(sim, `/codearts/v3/jobs/${a?.id}/delete`, token, { method: 'POST' })
  expect(r1.body).toEqual({ result: { job_id: a?.id, project_id: projectId }, status: 'success' })
  const r2 = await getJson(sim, `/codearts/v1/job/${b?.id}/delete`, token, { method: 'DELETE' })
  expect(r2.status).toBe(200)
  expect((await getJson(sim, `/codearts/v3/jobs/${a?.id}/status`, token)).body).toMatchObject({
    error_code: 'CB.00060201',
  })
})
