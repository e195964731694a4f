import { Hono } from 'hono'
import { requireAuth } from '../auth/gateway-auth.js'
import type { SimContext, SimEnv } from '../http.js'
import { intQuery, sendJson, serviceError } from '../http.js'
import { parseJson, type JsonValue } from '@ops-console/lossless-json'
import type { SimState } from '../state.js'
import { DLI_STATUSES } from '../world/types.js'
import type { DliJob } from '../world/types.js'
import { statusAt } from '../world/timeline.js'
import { dliBatchRoutes } from './dli-batch.js'
import { compareIds, dliDetail, dliListItem } from './dli-views.js'

export function dliJobs(state: SimState, projectId: string): Map<string, DliJob> {
  let jobs = state.world.dli.get(projectId)
  if (!jobs) state.world.dli.set(projectId, (jobs = new Map<string, DliJob>()))
  return jobs
}

export const dliError = (c: SimContext, code: string, message: string, status = 400): Response =>
  serviceError(c, 'dli', status, code, message)

/** The token's user id, or a stable stand-in for AK/SK callers. */
function userIdOf(c: SimContext): string {
  const caller = c.get('caller')
  return caller.kind === 'token' ? caller.token.userId : 'aksk-user'
}

function listJobs(c: SimContext, state: SimState): Response {
  const offset = intQuery(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
  if (offset === null) return dliError(c, 'DLI.23001', 'offset参数无效 (invalid offset).')
  const limit = intQuery(c, 'limit', 10, 1, 100)
  if (limit === null)
    return dliError(c, 'DLI.0001', 'Parameter check error: limit must be between 1 and 100.')
  const q = c.req.query()
  if (q.status && !(DLI_STATUSES as readonly string[]).includes(q.status))
    return dliError(c, 'DLI.0001', `Parameter check error: invalid status ${q.status}.`)
  if (q.order && q.order !== 'asc' && q.order !== 'desc')
    return dliError(c, 'DLI.0001', 'Parameter check error: order must be asc or desc.')
  const now = state.clock.now()
  const projectId = c.req.param('project_id') as string
  const detail = q.show_detail === 'true'
  const matches = [...dliJobs(state, projectId).values()].filter(
    (j) =>
      (!q.job_type || j.jobType === q.job_type) &&
      (!q.status || statusAt(j.timeline, now) === q.status) &&
      (!q.queue_name || j.queueName === q.queue_name) &&
      (!q.name || j.name.includes(q.name)) &&
      (!q.user_name || j.userName === q.user_name),
  )
  // "order" sorts by time (create_time); ties by id so pages are stable.
  const dir = q.order === 'asc' ? 1 : -1
  matches.sort((a, b) => dir * (a.createTime - b.createTime || compareIds(a.jobId, b.jobId)))
  const jobs = matches
    .slice(offset, offset + limit)
    .map((j) => (detail ? dliDetail(j, now, projectId, userIdOf(c)) : dliListItem(j, now)))
  return sendJson(c, 200, {
    is_success: 'true',
    message: '',
    job_list: { total_count: matches.length, jobs },
  })
}

function showJob(c: SimContext, state: SimState): Response {
  const projectId = c.req.param('project_id') as string
  const id = c.req.param('job_id') as string
  const job = /^\d{1,20}$/.test(id) ? dliJobs(state, projectId).get(id) : undefined
  if (!job) return dliError(c, 'DLI.16001', `The job ${id} does not exist.`)
  return sendJson(c, 200, {
    is_success: 'true',
    message: '',
    job_detail: dliDetail(job, state.clock.now(), projectId, userIdOf(c)),
  })
}

function deleteJob(c: SimContext, state: SimState): Response {
  const id = c.req.param('job_id') as string
  const jobs = dliJobs(state, c.req.param('project_id') as string)
  if (!jobs.delete(id)) return dliError(c, 'DLI.17001', `The job ${id} does not exist.`)
  return sendJson(c, 200, { is_success: 'true', message: 'The job is deleted successfully.' })
}

/** A long id sent either as a JSON number (exact digits when above 2^53) or as a digit string. */
export function idFromJson(value: JsonValue | undefined): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value)
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) return value
  return null
}

/** Reads `{"job_ids":[...]}` losslessly; ids may be JSON numbers above 2^53 or digit strings. */
export function readJobIds(
  c: SimContext,
): { ids: string[]; body: Record<string, JsonValue> } | Response {
  let body: JsonValue
  try {
    body = parseJson(c.get('rawBody') || 'null')
  } catch {
    return dliError(c, 'DLI.0001', 'Parameter check error: the request body is not valid JSON.')
  }
  const list =
    body && typeof body === 'object' && !Array.isArray(body) && 'job_ids' in body
      ? body.job_ids
      : undefined
  if (!Array.isArray(list) || list.length === 0)
    return dliError(c, 'DLI.0001', 'Parameter check error: job_ids must be a non-empty array.')
  const ids = list.map((v) => idFromJson(v))
  if (ids.some((v) => v === null))
    return dliError(c, 'DLI.0001', 'Parameter check error: job_ids must contain job IDs.')
  return { ids: ids as string[], body: body as Record<string, JsonValue> }
}

export function dliRoutes(state: SimState): Hono<SimEnv> {
  const auth = requireAuth(state, 'dli')
  const base = '/v1.0/:project_id/streaming/jobs'
  return new Hono<SimEnv>()
    .get(base, auth, (c) => listJobs(c, state))
    .route('/', dliBatchRoutes(state, auth, base))
    .get(`${base}/:job_id`, auth, (c) => showJob(c, state))
    .delete(`${base}/:job_id`, auth, (c) => deleteJob(c, state))
}
