import { expect, test } from 'vitest'
import { cloudError, fixtureClient, PROJECT } from '../../test/fixture-client.js'

const base = `/v1.0/${PROJECT}/streaming/jobs`
const BIG = '9007199254740993'

test('listJobs: job_list.total_count, long job ids exact, unknown statuses pass through', async () => {
  const { client, fetch } = fixtureClient({ [`GET ${base}`]: { fixture: 'dli/list-jobs.json' } })
  const { data } = await client.dli.listJobs({ limit: 100, offset: 0, show_detail: true })
  expect(data.is_success).toBe(true)
  expect(data.job_list.total_count).toBe(2)
  expect(data.job_list.jobs.map((j) => [j.job_id, j.status])).toEqual([
    [BIG, 'job_running'],
    ['148', 'job_some_future_state'],
  ])
  expect(data.job_list.jobs[0]?.root_id).toBe('-1')
  expect(fetch.calls[0]?.url).toBe(
    `https://dli.cn-north-4.myhuaweicloud.com${base}?limit=100&offset=0&show_detail=true`,
  )
})

test('getJob accepts a boolean is_success', async () => {
  const { client } = fixtureClient({ [`GET ${base}/104`]: { fixture: 'dli/job-detail.json' } })
  const { data } = await client.dli.getJob('104')
  expect(data.is_success).toBe(true)
  expect(data.job_detail).toMatchObject({
    job_id: '104',
    status: 'job_cancel_success',
    run_mode: 'exclusive_cluster',
  })
})

test('stopJobs writes job ids as exact number literals and returns per-item results', async () => {
  const { client, fetch } = fixtureClient({ [`POST ${base}/stop`]: { fixture: 'dli/stop.json' } })
  const { data } = await client.dli.stopJobs([BIG], { triggerSavepoint: true })
  expect(fetch.calls[0]?.body).toBe(`{"job_ids":[${BIG}],"trigger_savepoint":true}`)
  expect(data).toEqual([
    {
      jobId: BIG,
      ok: true,
      outcome: 'accepted',
      code: null,
      message: 'The request for stopping DLI jobs is successfully delivered.',
      source: 'answer',
    },
  ])
})

test('a 400 array of errors throws the first error element', async () => {
  const { client } = fixtureClient({
    [`POST ${base}/stop`]: { status: 400, fixture: 'dli/stop-error.json' },
  })
  const error = await cloudError(client.dli.stopJobs(['1']))
  expect(error).toMatchObject({
    kind: 'http',
    status: 400,
    code: 'DLI.15002',
    message: 'The job status does not allow stop.',
  })
})

test('a mixed batch array (documented with a trailing comma) resolves per job, even on 400', async () => {
  const { client, fetch } = fixtureClient({
    [`POST ${base}/delete`]: { status: 400, fixture: 'dli/batch-delete-mixed.txt' },
  })
  const { data, status } = await client.dli.deleteJobs(['7', '8'])
  expect(status).toBe(400)
  expect(fetch.calls[0]?.body).toBe('{"job_ids":[7,8]}')
  expect(data).toEqual([
    {
      jobId: '7',
      ok: false,
      outcome: 'refused',
      code: 'DLI.17001',
      message: 'The job does not exist.',
      source: 'answer',
    },
    {
      jobId: '8',
      ok: true,
      outcome: 'accepted',
      code: null,
      message: 'The job is deleted successfully.',
      source: 'answer',
    },
  ])
})

test('deleteJob parses the seed example (string is_success, trailing comma)', async () => {
  const { client } = fixtureClient({
    [`DELETE ${base}/${BIG}`]: { fixture: 'dli/deleteJob.txt' },
  })
  expect((await client.dli.deleteJob(BIG)).data).toEqual({
    is_success: true,
    message: 'The job is deleted successfully.',
  })
})

test('runJobs sends resume_savepoint; invalid ids are rejected before sending', async () => {
  const { client, fetch } = fixtureClient({
    [`POST ${base}/run`]: { body: '[{"is_success":"true","message":"ok"}]' },
  })
  expect((await client.dli.runJobs(['3'], { resumeSavepoint: true })).data[0]?.ok).toBe(true)
  expect(fetch.calls[0]?.body).toBe('{"job_ids":[3],"resume_savepoint":true}')
  await expect(client.dli.stopJobs(['1e3'])).rejects.toMatchObject({
    kind: 'config',
    service: 'dli',
  })
  await expect(client.dli.deleteJob('../x')).rejects.toMatchObject({ kind: 'config' })
  await expect(client.dli.stopJobs([])).rejects.toMatchObject({ kind: 'config' })
  expect(fetch.calls).toHaveLength(1)
})
