import { expect, test } from 'vitest'
import { cloudError, fixtureClient } from '../../test/fixture-client.js'

const JOB = 'f9d6c8466d614a9788e9a0acf6c15f46'

test('read calls hit the documented routes and parse the documented bodies', async () => {
  const { client, fetch } = fixtureClient({
    'GET /v3/cp1/jobs': { fixture: 'codearts/listProjectJobs.json' },
    [`GET /v3/jobs/${JOB}/status`]: { fixture: 'codearts/getJobStatus.json' },
    [`GET /v1/job/${JOB}/running-status`]: { fixture: 'codearts/getRunningStatus.json' },
    [`GET /v1/job/${JOB}/info`]: { fixture: 'codearts/getJobInfo.json' },
    [`GET /v1/job/${JOB}/9/build-info`]: { fixture: 'codearts/getBuildInfo.json' },
    [`GET /v4/jobs/${JOB}/29/record-info`]: { fixture: 'codearts/getRecordInfo.json' },
  })
  const jobs = (await client.codearts.listProjectJobs('cp1', { pageSize: 100 })).data
  expect(jobs.jobs[0]).toMatchObject({ id: JOB, last_build_status: 'blue', is_finished: true })
  expect(fetch.calls[0]?.url).toBe(
    'https://cloudbuild-ext.cn-north-4.myhuaweicloud.com/v3/cp1/jobs?page_index=0&page_size=100',
  )
  expect((await client.codearts.getJobStatus(JOB)).data.result).toBe(true)
  expect((await client.codearts.getRunningStatus(JOB)).data.result).toMatchObject({
    is_running: false,
    last_build_no: '9',
    last_build_status: 'Finished',
  })
  expect((await client.codearts.getJobInfo(JOB)).data).toMatchObject({
    running_status: 'Finished',
    last_build_status: 'success',
  })
  expect((await client.codearts.getBuildInfo(JOB, '9')).data.result).toEqual({
    building: false,
    build_result: 'FAILURE',
    region: 'cn-north-4',
  })
  expect((await client.codearts.getRecordInfo(JOB, 29)).data.result).toMatchObject({
    build_no: 29,
    status: 'SUCCESS',
    duration: 60000,
  })
})

test('history_records is an array whether the body holds an array or the documented single object', async () => {
  const { client, fetch } = fixtureClient({
    [`GET /v3/jobs/${JOB}/history`]: { fixture: 'codearts/history-object.json' },
  })
  const one = (await client.codearts.getHistory(JOB)).data
  expect(one.history_records).toEqual([
    expect.objectContaining({ record_id: '20201230.1', build_number: 1, result: 'FAILURE' }),
  ])
  expect(fetch.calls[0]?.url).toContain('?offset=0&limit=10&interval=7')
  const many = fixtureClient({
    [`GET /v3/jobs/${JOB}/history`]: { fixture: 'codearts/getHistory.json' },
  })
  expect(
    (await many.client.codearts.getHistory(JOB)).data.history_records.map((r) => r.build_number),
  ).toEqual([2, 1])
})

test('stopBuild auto uses v1 with an integer build_no body when it exists', async () => {
  const { client, fetch } = fixtureClient({
    [`POST /v1/job/${JOB}/stop`]: { fixture: 'codearts/stopBuild.v1.json' },
  })
  const { data } = await client.codearts.stopBuild(JOB, '20')
  expect(data).toEqual({ route: 'v1', accepted: true, raw: { status: 'success' } })
  expect(fetch.calls[0]?.body).toBe('{"build_no":20}')
})

test('stopBuild auto falls back to v3 and then legacy only while routes are gone, and remembers it', async () => {
  const legacyOnly = fixtureClient({
    'POST /v3/jobs/stop': { fixture: 'codearts/stopBuild.legacy.json' },
  })
  const { data } = await legacyOnly.client.codearts.stopBuild(JOB, 20)
  expect(data).toEqual({ route: 'legacy', accepted: true, raw: { result: true } })
  expect(legacyOnly.fetch.calls.map((c) => new URL(c.url).pathname)).toEqual([
    `/v1/job/${JOB}/stop`,
    `/v3/jobs/${JOB}/20/stop`,
    '/v3/jobs/stop',
  ])
  expect(legacyOnly.fetch.calls[2]?.body).toBe(`{"job_id":"${JOB}","build_no":"20"}`)
  await legacyOnly.client.codearts.stopBuild(JOB, 21)
  expect(legacyOnly.fetch.calls).toHaveLength(4)

  const v3 = fixtureClient({
    [`POST /v3/jobs/${JOB}/20/stop`]: { fixture: 'codearts/stopBuild.v3.json' },
  })
  expect((await v3.client.codearts.stopBuild(JOB, 20)).data).toMatchObject({
    route: 'v3',
    accepted: true,
  })
})

test('stopBuild auto does not fall back after an error that might mean the stop ran', async () => {
  for (const route of [
    { status: 500, body: '{"error_code":"CB.00060101","error_msg":"internal error"}' },
    { status: 404, body: '{"error_code":"CB.00060201","error_msg":"invalid task ID"}' },
    { status: 400, body: '{"error_code":"CB.00060201","error_msg":"invalid task ID"}' },
  ]) {
    const { client, fetch } = fixtureClient({
      [`POST /v1/job/${JOB}/stop`]: route,
      [`POST /v3/jobs/${JOB}/20/stop`]: { fixture: 'codearts/stopBuild.v3.json' },
    })
    const error = await cloudError(client.codearts.stopBuild(JOB, 20))
    expect(error).toMatchObject({
      status: route.status,
      code: route.status === 500 ? 'CB.00060101' : 'CB.00060201',
      operation: 'stopBuild',
    })
    expect(fetch.calls).toHaveLength(1)
  }
})

test('a configured stop route is used as is', async () => {
  const { client, fetch } = fixtureClient(
    { [`POST /v3/jobs/${JOB}/7/stop`]: { fixture: 'codearts/stopBuild.v3.json' } },
    { codeartsStopRoute: 'v3' },
  )
  expect((await client.codearts.stopBuild(JOB, 7)).data.route).toBe('v3')
  expect(fetch.calls).toHaveLength(1)
  const v1 = fixtureClient({}, { codeartsStopRoute: 'v1' })
  expect((await cloudError(v1.client.codearts.stopBuild(JOB, 7))).code).toBe('APIGW.0101')
  expect(v1.fetch.calls).toHaveLength(1)
  await expect(client.codearts.stopBuild(JOB, '0')).rejects.toMatchObject({ kind: 'config' })
})

test('deleteJob posts to the v3 delete route', async () => {
  const { client } = fixtureClient({
    [`POST /v3/jobs/${JOB}/delete`]: { fixture: 'codearts/deleteJob.json' },
  })
  expect((await client.codearts.deleteJob(JOB)).data).toMatchObject({
    status: 'success',
    result: { job_id: JOB },
  })
})
