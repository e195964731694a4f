import { Hono } from 'hono'
import { requireAuth } from '../auth/gateway-auth.js'
import type { SimContext, SimEnv } from '../http.js'
import { intQuery, noContent, sendJson, serviceError } from '../http.js'
import type { SimState } from '../state.js'
import { stopFails } from '../state.js'
import { reschedule, statusAt } from '../world/timeline.js'
import type { MaStatus, MaTask } from '../world/types.js'
import { taskStatus, taskView, versionView } from './modelarts-views.js'

/**
 * Unknown ids: the error table lists 4700/4851 as 400 while stop/show also list 404; we use
 * the table (400) — unconfirmed (§5.8).
 */
const maError = (c: SimContext, status: number, code: string, message: string): Response =>
  serviceError(c, 'modelarts', status, code, message)
const TASK_NOT_FOUND = (c: SimContext): Response =>
  maError(c, 400, 'ModelArts.4700', 'The processor task does not exist.')
const VERSION_NOT_FOUND = (c: SimContext): Response =>
  maError(c, 400, 'ModelArts.4851', 'The processor task version does not exist.')
const BAD_ARG = (c: SimContext, why: string): Response =>
  maError(c, 400, 'ModelArts.0104', `Parameter error: ${why}`)

function tasksOf(state: SimState, c: SimContext): Map<string, MaTask> {
  const id = c.req.param('project_id') as string
  let tasks = state.world.modelarts.get(id)
  if (!tasks) state.world.modelarts.set(id, (tasks = new Map<string, MaTask>()))
  return tasks
}

/** Shared paging: offset is treated as a record offset (page vs record is unconfirmed, §8). */
function paging(
  c: SimContext,
  defaultLimit: number,
): { offset: number; limit: number; desc: boolean } | Response {
  const offset = intQuery(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
  const limit = intQuery(c, 'limit', defaultLimit, 1, 100)
  const order = c.req.query('order') ?? 'desc'
  if (offset === null || limit === null || (order !== 'asc' && order !== 'desc'))
    return BAD_ARG(c, 'invalid offset, limit or order.')
  return { offset, limit, desc: order === 'desc' }
}

function listTasks(c: SimContext, state: SimState): Response {
  const page = paging(c, 10)
  if (page instanceof Response) return page
  const q = c.req.query()
  const sortBy = q.sort_by ?? 'create_time'
  if (!['create_time', 'name', 'duration_seconds'].includes(sortBy))
    return BAD_ARG(c, 'invalid sort_by.')
  const status = q.status === undefined ? undefined : Number(q.status)
  if (status !== undefined && !(Number.isInteger(status) && status >= 0 && status <= 4))
    return BAD_ARG(c, 'status must be 0-4.')
  const now = state.clock.now()
  const matches = [...tasksOf(state, c).values()].filter(
    (t) =>
      (status === undefined || taskStatus(t, now) === status) &&
      (!q.task_name || t.name.includes(q.task_name)) &&
      (!q.task_type || t.taskType === q.task_type) &&
      (!q.source_type || t.sourceType === q.source_type),
  )
  const views = matches.map((t) => taskView(t, now))
  const key = sortBy as 'create_time' | 'name' | 'duration_seconds'
  views.sort((a, b) => {
    const x = a[key] as string | number
    const y = b[key] as string | number
    return (page.desc ? -1 : 1) * (x < y ? -1 : x > y ? 1 : 0)
  })
  return sendJson(c, 200, {
    count: matches.length,
    tasks: views.slice(page.offset, page.offset + page.limit),
  })
}

export function modelartsRoutes(state: SimState): Hono<SimEnv> {
  const auth = requireAuth(state, 'modelarts')
  const tasks = '/v2/:project_id/processor-tasks'
  const withTask = (fn: (c: SimContext, task: MaTask) => Response) => (c: SimContext) => {
    const task = tasksOf(state, c).get(c.req.param('task_id') as string)
    return task ? fn(c, task) : TASK_NOT_FOUND(c)
  }
  const withVersion = (fn: (c: SimContext, task: MaTask, index: number) => Response) =>
    withTask((c, task) => {
      const index = task.versions.findIndex((v) => v.versionId === c.req.param('version_id'))
      return index < 0 ? VERSION_NOT_FOUND(c) : fn(c, task, index)
    })
  return new Hono<SimEnv>()
    .get(tasks, auth, (c) => listTasks(c, state))
    .get(
      `${tasks}/:task_id`,
      auth,
      withTask((c, task) => sendJson(c, 200, taskView(task, state.clock.now()))),
    )
    .delete(
      `${tasks}/:task_id`,
      auth,
      withTask((c, task) => {
        if (taskStatus(task, state.clock.now()) === 0) {
          return maError(
            c,
            403,
            'ModelArts.4850',
            'The processor task is initializing. Operation forbidden.',
          )
        }
        tasksOf(state, c).delete(task.taskId)
        return sendJson(c, 200, {})
      }),
    )
    .get(
      `${tasks}/:task_id/versions`,
      auth,
      withTask((c, task) => {
        const page = paging(c, 100)
        if (page instanceof Response) return page
        const byName = c.req.query('sort_by') === 'version_name'
        const now = state.clock.now()
        const sorted = [...task.versions].sort(
          (a, b) =>
            (byName ? a.versionName.localeCompare(b.versionName) : a.createTime - b.createTime) *
            (page.desc ? -1 : 1),
        )
        return sendJson(c, 200, {
          count: sorted.length,
          versions: sorted
            .slice(page.offset, page.offset + page.limit)
            .map((v) => versionView(task, v, now)),
        })
      }),
    )
    .get(
      `${tasks}/:task_id/versions/:version_id`,
      auth,
      withVersion((c, task, i) =>
        sendJson(
          c,
          200,
          versionView(task, task.versions[i] as MaTask['versions'][number], state.clock.now()),
        ),
      ),
    )
    .post(
      `${tasks}/:task_id/versions/:version_id/stop`,
      auth,
      withVersion((c, task, i) => {
        const version = task.versions[i] as MaTask['versions'][number]
        const now = state.clock.now()
        const status = statusAt(version.timeline, now)
        if (status === 4) return sendJson(c, 200, {})
        // Stopping a finished version: unconfirmed; we refuse with a parameter error.
        if (status !== 0 && status !== 1) return BAD_ARG(c, 'the version is not running.')
        // No "stopping" status exists: the version stays 0/1 until the stop lands (4, or 3 if it fails).
        const final: MaStatus = stopFails(state, 'modelarts', `${task.taskId}:${version.versionId}`)
          ? 3
          : 4
        reschedule<MaStatus>(version.timeline, now, [
          { at: now + state.options.stopDelayMs, status: final },
        ])
        return sendJson(c, 200, {})
      }),
    )
    .delete(
      `${tasks}/:task_id/versions/:version_id`,
      auth,
      withVersion((_c, task, i) => {
        task.versions.splice(i, 1)
        return noContent()
      }),
    )
}
