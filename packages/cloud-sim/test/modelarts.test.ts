import { expect, test } from 'vitest'
import type { CloudSim } from '../src/index.js'
import { getJson, manualSim, projectOf, tokenFor } from './helpers.js'

interface Task {
  task_id: string
  status: number
  version_id: string
  version_count: number
}

async function setup(
  o: Parameters<typeof manualSim>[0] = {},
): Promise<{ sim: CloudSim; token: string; base: string; tasks: Task[] }> {
  const sim = manualSim(o)
  const p = projectOf(sim)
  const token = await tokenFor(sim, { region: p.region })
  const base = `/modelarts/v2/${p.id}/processor-tasks`
  const tasks = ((await getJson(sim, `${base}?limit=100`, token)).body as { tasks: Task[] }).tasks
  return { sim, token, base, tasks }
}

test('task list: count, integer statuses 0-4 all present, status filter', async () => {
  const { sim, token, base, tasks } = await setup()
  expect(new Set(tasks.map((t) => t.status))).toEqual(new Set([0, 1, 2, 3, 4]))
  const failed = (await getJson(sim, `${base}?status=3&limit=100`, token)).body as {
    count: number
    tasks: Task[]
  }
  expect(failed.count).toBe(tasks.filter((t) => t.status === 3).length)
  expect(failed.tasks.every((t) => t.status === 3)).toBe(true)
  const versions = (await getJson(sim, `${base}/${tasks[0]?.task_id}/versions`, token)).body as {
    count: number
  }
  expect(versions.count).toBe(tasks[0]?.version_count)
})

test('stop version: 200 {} and status 1 → 4 after the delay; forced failure → 3', async () => {
  const { sim, token, base, tasks } = await setup({ stopDelayMs: 3000 })
  const [a, b] = tasks.filter((t) => t.status === 1)
  if (!a || !b) throw new Error('need running tasks')
  const stop = await getJson(sim, `${base}/${a.task_id}/versions/${a.version_id}/stop`, token, {
    method: 'POST',
  })
  expect(stop.status).toBe(200)
  expect(stop.body).toEqual({})
  sim.control.forceStopFailure('modelarts', `${b.task_id}:${b.version_id}`)
  await getJson(sim, `${base}/${b.task_id}/versions/${b.version_id}/stop`, token, {
    method: 'POST',
  })
  const version = async (t: Task): Promise<number> =>
    (
      (await getJson(sim, `${base}/${t.task_id}/versions/${t.version_id}`, token)).body as {
        status: number
      }
    ).status
  expect(await version(a)).toBe(1)
  sim.control.advance(3000)
  expect(await version(a)).toBe(4)
  expect(await version(b)).toBe(3)
  expect(((await getJson(sim, `${base}/${a.task_id}`, token)).body as Task).status).toBe(4)
})

test('delete version 204, delete task 200 {}, initializing task 403 ModelArts.4850, unknown ids 400', async () => {
  const { sim, token, base, tasks } = await setup()
  const done = tasks.find((t) => t.status === 2)
  const init = tasks.find((t) => t.status === 0)
  if (!done || !init) throw new Error('fixtures missing')
  const delVersion = await sim.fetch(
    `http://127.0.0.1:4010${base}/${done.task_id}/versions/${done.version_id}`,
    { method: 'DELETE', headers: { 'x-auth-token': token } },
  )
  expect(delVersion.status).toBe(204)
  const again = await getJson(sim, `${base}/${done.task_id}/versions/${done.version_id}`, token)
  expect(again.body).toMatchObject({ error_code: 'ModelArts.4851' })
  const delTask = await getJson(sim, `${base}/${done.task_id}`, token, { method: 'DELETE' })
  expect(delTask.status).toBe(200)
  expect(delTask.body).toEqual({})
  expect((await getJson(sim, `${base}/${done.task_id}`, token)).body).toMatchObject({
    error_code: 'ModelArts.4700',
  })
  const forbidden = await getJson(sim, `${base}/${init.task_id}`, token, { method: 'DELETE' })
  expect(forbidden.status).toBe(403)
  expect(forbidden.body).toMatchObject({ error_code: 'ModelArts.4850' })
})
