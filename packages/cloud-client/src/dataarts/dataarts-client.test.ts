import { expect, test } from 'vitest'
import { cloudError, fixtureClient, PROJECT } from '../../test/fixture-client.js'

const base = `/v1/${PROJECT}`

test('listJobs sends jobType and paging, the workspace header, and parses the documented list', async () => {
  const { client, fetch } = fixtureClient(
    { [`GET ${base}/jobs`]: { fixture: 'dataarts/list-jobs-batch.json' } },
    { workspace: 'ws-1' },
  )
  const { data, requestId } = await client.dataarts.listJobs({
    jobType: 'BATCH',
    offset: 0,
    limit: 100,
    tags: ['a', 'b'],
  })
  expect(data.total).toBe(2)
  expect(data.jobs.map((j) => [j.name, j.status])).toEqual([
    ['daily_etl', 'SCHEDULING'],
    ['paused_job', 'PAUSED'],
  ])
  expect(data.jobs[0]?.lastInstanceStatus).toBe('success')
  expect(requestId).toBe('req-fixture')
  const call = fetch.calls[0]!
  expect(call.url).toBe(
    `https://dayu-dlf.cn-north-4.myhuaweicloud.com${base}/jobs?jobType=BATCH&offset=0&limit=100&tags=a%2Cb`,
  )
  expect(call.headers.workspace).toBe('ws-1')
  expect(call.headers['x-project-id']).toBe(PROJECT)
  expect(call.headers.authorization).toMatch(
    /^SDK-HMAC-SHA256 Access=AKFIXTURE, SignedHeaders=accept;host;workspace;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
  )
})

test('job detail keeps the long id exact; real-time status accepts LastInstanceStatus', async () => {
  const { client } = fixtureClient({
    [`GET ${base}/jobs/daily_etl`]: { fixture: 'dataarts/job-detail.json' },
    [`GET ${base}/jobs/rt_job/status`]: { fixture: 'dataarts/realtime-status.json' },
  })
  expect((await client.dataarts.getJob('daily_etl')).data.id).toBe('9007199254740993')
  const status = (await client.dataarts.getRealtimeJobStatus('rt_job')).data
  expect(status.status).toBe('NORMAL')
  expect(status.nodes[0]).toMatchObject({
    lastInstanceStatus: 'running',
    jobInstanceId: '123456789012345678',
  })
})

test('job instances: long ids as strings, fractional executeTime', async () => {
  const { client, fetch } = fixtureClient({
    [`GET ${base}/jobs/instances/detail`]: { fixture: 'dataarts/job-instances.json' },
    [`GET ${base}/jobs/daily_etl/instances/9007199254740995`]: {
      fixture: 'dataarts/job-instance-detail.json',
    },
  })
  const list = (
    await client.dataarts.listJobInstances({
      jobName: 'daily_etl',
      preciseQuery: true,
      limit: 1000,
    })
  ).data
  expect(list.instances[0]).toMatchObject({
    jobId: '9007199254740993',
    instanceId: '9007199254740995',
    executeTime: 0.3,
    status: 'running',
  })
  expect(fetch.calls[0]?.url).toContain('?jobName=daily_etl&preciseQuery=true&limit=1000')
  const detail = (await client.dataarts.getJobInstance('daily_etl', '9007199254740995')).data
  expect(detail.nodes?.[0]).toMatchObject({ nodeName: 'sql1', status: 'skip', instanceId: '77' })
})

test('stop and delete calls resolve to null on 204 and encode names as one path segment', async () => {
  const { client, fetch } = fixtureClient({
    [`POST ${base}/jobs/my%20job%2Fx/stop`]: { status: 204 },
    [`POST ${base}/jobs/j/instances/5/stop`]: { status: 204 },
    [`DELETE ${base}/jobs/j`]: { status: 204 },
    [`POST ${base}/scripts/s/instances/i-1/stop`]: { status: 204 },
  })
  expect((await client.dataarts.stopJob('my job/x')).data).toBeNull()
  expect((await client.dataarts.stopJobInstance('j', '5')).status).toBe(204)
  expect((await client.dataarts.deleteJob('j', { approvers: ['boss'] })).data).toBeNull()
  expect(fetch.calls[2]?.body).toBe('{"approvers":[{"approverName":"boss"}]}')
  expect((await client.dataarts.stopScriptInstance('s', 'i-1')).data).toBeNull()
  await expect(client.dataarts.stopJob('..')).rejects.toMatchObject({
    kind: 'config',
    message: "Invalid path parameter '..'",
  })
})

test('DLF errors (HTTP 400) become CloudError with code and the cloud message', async () => {
  const { client } = fixtureClient({
    [`POST ${base}/jobs/nope/stop`]: { status: 400, fixture: 'dataarts/error-dlf-0100.json' },
  })
  const error = await cloudError(client.dataarts.stopJob('nope'))
  expect(error).toMatchObject({
    service: 'dataarts',
    operation: 'stopJob',
    kind: 'http',
    status: 400,
    code: 'DLF.0100',
    message: 'The job does not exists.',
    retryable: false,
  })
})

test('scripts: list, execute (instanceId or old jobId), instance result', async () => {
  const { client, fetch } = fixtureClient({
    [`GET ${base}/scripts`]: { fixture: 'dataarts/scripts.json' },
    [`POST ${base}/scripts/dwsscript/execute`]: { fixture: 'dataarts/executeScript.json' },
    [`POST ${base}/scripts/old/execute`]: { fixture: 'dataarts/execute-script-old-sdk.json' },
    [`GET ${base}/scripts/dwsscript/instances/a1ad-448a-9d56-4154193d49c5`]: {
      fixture: 'dataarts/script-instance.json',
    },
  })
  expect((await client.dataarts.listScripts({ scriptName: 'dws' })).data.scripts[0]).toMatchObject({
    name: 'dwsscript',
    type: 'DWSSQL',
  })
  expect((await client.dataarts.executeScript('dwsscript', { params: { day: '1' } })).data).toEqual(
    { instanceId: 'a1ad-448a-9d56-4154193d49c5' },
  )
  expect(fetch.calls[1]?.body).toBe('{"params":{"day":"1"}}')
  expect((await client.dataarts.executeScript('old')).data.instanceId).toBe(
    'a1ad-448a-9d56-4154193d49c5',
  )
  const result = (
    await client.dataarts.getScriptInstance('dwsscript', 'a1ad-448a-9d56-4154193d49c5')
  ).data
  expect(result.status).toBe('FINISHED')
  expect(result.results?.[0]?.rowCount).toBe(1)
})
