import { expect, test } from 'vitest'
import { cloudError, fixtureClient, PROJECT } from '../../test/fixture-client.js'

const base = `/v2/${PROJECT}/processor-tasks`
const TASK = 'SbAs4mlBNaFo3NxdNGK'
const VERSION = 'qSaudx2sbPvthHygckA'

test('tasks and versions parse with integer (or numeric string) statuses', async () => {
  const { client, fetch } = fixtureClient(
    {
      [`GET ${base}`]: { fixture: 'modelarts/tasks.json' },
      [`GET ${base}/${TASK}`]: { fixture: 'modelarts/task.json' },
      [`GET ${base}/${TASK}/versions`]: { fixture: 'modelarts/versions.json' },
      [`GET ${base}/${TASK}/versions/${VERSION}`]: {
        fixture: 'modelarts/version-string-status.json',
      },
    },
    { region: 'ap-southeast-1' },
  )
  const tasks = (await client.modelarts.listTasks({ limit: 100, status: 1 })).data
  expect(tasks.count).toBe(1)
  expect(tasks.tasks[0]).toMatchObject({ task_id: TASK, status: 1 })
  expect(fetch.calls[0]?.url).toBe(
    `https://modelarts.ap-southeast-1.myhuaweicloud.cn${base}?limit=100&status=1`,
  )
  expect((await client.modelarts.getTask(TASK)).data).toMatchObject({
    status: 3,
    error_msg: 'failed',
  })
  expect((await client.modelarts.listVersions(TASK)).data.versions[0]).toMatchObject({
    task_version_id: VERSION,
    status: 2,
  })
  expect((await client.modelarts.getVersion(TASK, VERSION)).data.status).toBe(4)
})

test('stop (200 {}), delete version (204) and delete task (200 {}) all resolve to null', async () => {
  const { client } = fixtureClient({
    [`POST ${base}/${TASK}/versions/${VERSION}/stop`]: { fixture: 'modelarts/stopVersion.json' },
    [`DELETE ${base}/${TASK}/versions/${VERSION}`]: { status: 204 },
    [`DELETE ${base}/${TASK}`]: { body: '{}' },
  })
  expect(await client.modelarts.stopVersion(TASK, VERSION)).toMatchObject({
    data: null,
    status: 200,
  })
  expect(await client.modelarts.deleteVersion(TASK, VERSION)).toMatchObject({
    data: null,
    status: 204,
  })
  expect(await client.modelarts.deleteTask(TASK)).toMatchObject({ data: null, status: 200 })
})

test('ModelArts errors using error_message are understood', async () => {
  const { client } = fixtureClient({
    [`POST ${base}/${TASK}/versions/x/stop`]: { status: 400, fixture: 'modelarts/error-4851.json' },
  })
  expect(await cloudError(client.modelarts.stopVersion(TASK, 'x'))).toMatchObject({
    code: 'ModelArts.4851',
    message: 'task version not found',
    status: 400,
  })
})
