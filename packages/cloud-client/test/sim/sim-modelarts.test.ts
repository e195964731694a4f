import { expect, test } from 'vitest'
import type { CloudClient } from '../../src/client.js'
import { MODELARTS_STATUS } from '../../src/modelarts/schemas.js'
import { cloudError, simSetup } from './sim-harness.js'

async function runningVersion(client: CloudClient) {
  const tasks = (await client.modelarts.listTasks({ limit: 100 })).data.tasks
  for (const task of tasks) {
    const versions = (await client.modelarts.listVersions(task.task_id)).data.versions
    const running = versions.find((v) => v.status === MODELARTS_STATUS.running)
    if (running) return { taskId: task.task_id, versionId: running.task_version_id }
  }
  throw new Error('the sim world has no running processor version')
}

test('list/get tasks and versions with integer statuses', async () => {
  const { client } = simSetup('aksk')
  const list = (await client.modelarts.listTasks({ limit: 100 })).data
  expect(list.count).toBeGreaterThanOrEqual(list.tasks.length)
  expect(list.tasks.every((t) => Number.isInteger(t.status))).toBe(true)
  const task = list.tasks[0]!
  expect((await client.modelarts.getTask(task.task_id)).data.task_id).toBe(task.task_id)
  const versions = (await client.modelarts.listVersions(task.task_id)).data
  expect(versions.count).toBeGreaterThanOrEqual(versions.versions.length)
  const v = versions.versions[0]!
  expect((await client.modelarts.getVersion(task.task_id, v.task_version_id)).data).toMatchObject({
    task_version_id: v.task_version_id,
    status: v.status,
  })
})

test('stopVersion (200 {}) moves a running version to stopped (4) under the manual clock', async () => {
  const { client, sim } = simSetup('password')
  const { taskId, versionId } = await runningVersion(client)
  expect(await client.modelarts.stopVersion(taskId, versionId)).toMatchObject({
    status: 200,
    data: null,
  })
  sim.control.advance(60_000)
  expect((await client.modelarts.getVersion(taskId, versionId)).data.status).toBe(
    MODELARTS_STATUS.stopped,
  )
})

test('deleteVersion answers 204 and deleteTask 200; unknown ids are errors', async () => {
  const { client } = simSetup('aksk')
  const tasks = (await client.modelarts.listTasks({ limit: 100 })).data.tasks
  let target: { taskId: string; versionId: string } | undefined
  for (const task of tasks) {
    const done = (await client.modelarts.listVersions(task.task_id)).data.versions.find(
      (v) => v.status === MODELARTS_STATUS.completed,
    )
    if (done) {
      target = { taskId: task.task_id, versionId: done.task_version_id }
      break
    }
  }
  expect(target).toBeDefined()
  const { taskId, versionId } = target!
  expect((await client.modelarts.deleteVersion(taskId, versionId)).status).toBe(204)
  const goneVersion = await cloudError(client.modelarts.getVersion(taskId, versionId))
  expect(goneVersion).toMatchObject({ kind: 'http', code: 'ModelArts.4851' })
  expect((await client.modelarts.deleteTask(taskId)).status).toBe(200)
  const goneTask = await cloudError(client.modelarts.getTask(taskId))
  expect(goneTask).toMatchObject({ kind: 'http', code: 'ModelArts.4700' })
})
