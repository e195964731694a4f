import { Hono } from 'hono'
import { mayUseRegion, requireAuth } from '../auth/gateway-auth.js'
import { scopeError } from '../auth/scope-errors.js'
import type { SimContext, SimEnv } from '../http.js'
import { intQuery, sendJson, serviceError } from '../http.js'
import type { SimState } from '../state.js'
import type { CbBuild, CbJob } from '../world/types.js'
import { codeartsActionRoutes } from './codearts-actions.js'
import {
  V1_STATUS,
  historyRecord,
  isRunning,
  jobListItem,
  latestBuild,
  recordInfo,
  resultOf,
} from './codearts-views.js'

/** CodeArts error codes for unknown jobs/builds are unconfirmed (§3.7): we use 400 CB.00060201/00060200. */
export const cbError = (c: SimContext, code: string, message: string, status = 400): Response =>
  serviceError(c, 'codearts', status, code, message)
export const BAD_PARAM = (c: SimContext, why: string): Response =>
  cbError(c, 'CB.00060200', `Invalid parameter: ${why}`)

/** Finds a job the caller may see; returns the error response otherwise. */
export function findJob(
  state: SimState,
  c: SimContext,
  jobId: string | undefined,
): CbJob | Response {
  const job = jobId ? state.world.codearts.get(jobId) : undefined
  if (!job) return cbError(c, 'CB.00060201', 'Invalid build task ID.')
  return mayUseRegion(c.get('caller'), job.region) ? job : scopeError(c, 'codearts')
}

export function findBuild(c: SimContext, job: CbJob, buildNo: unknown): CbBuild | Response {
  const n =
    typeof buildNo === 'number'
      ? buildNo
      : typeof buildNo === 'string' && /^\d+$/.test(buildNo)
        ? Number(buildNo)
        : NaN
  const build = job.builds.find((b) => b.buildNo === n)
  return build ?? BAD_PARAM(c, `build_no ${String(buildNo)} does not exist for this build task.`)
}

const v1 = (c: SimContext, result: unknown): Response =>
  sendJson(c, 200, { result: result as never, error: null, status: 'success' })

function projectJobs(state: SimState, c: SimContext): CbJob[] | Response {
  const project = state.world.codeartsProjects.find((p) => p.id === c.req.param('project_id'))
  if (!project || !mayUseRegion(c.get('caller'), project.region)) return scopeError(c, 'codearts')
  return [...state.world.codearts.values()].filter((j) => j.projectId === project.id)
}

export function codeartsRoutes(state: SimState): Hono<SimEnv> {
  const auth = requireAuth(state, 'codearts')
  const now = (): number => state.clock.now()
  const withJob = (fn: (c: SimContext, job: CbJob) => Response) => (c: SimContext) => {
    const job = findJob(state, c, c.req.param('job_id'))
    return job instanceof Response ? job : fn(c, job)
  }
  const withBuild = (fn: (c: SimContext, job: CbJob, b: CbBuild) => Response) =>
    withJob((c, job) => {
      const b = findBuild(c, job, c.req.param('build_no') ?? c.req.query('build_no'))
      return b instanceof Response ? b : fn(c, job, b)
    })
  const page = (c: SimContext, jobs: CbJob[]): Response => {
    // page_index is a page number (0-based), page_size at most 100.
    const index = intQuery(c, 'page_index', 0, 0, Number.MAX_SAFE_INTEGER)
    const size = intQuery(c, 'page_size', 10, 1, 100)
    if (index === null || size === null)
      return BAD_PARAM(c, 'page_index must be >= 0 and page_size 1-100.')
    return sendJson(c, 200, {
      total: jobs.length,
      jobs: jobs.slice(index * size, index * size + size).map((j) => jobListItem(j, now())),
    })
  }
  return new Hono<SimEnv>()
    .get('/v3/:project_id/jobs', auth, (c) => {
      const jobs = projectJobs(state, c)
      return jobs instanceof Response ? jobs : page(c, jobs)
    })
    .get('/v1/job/:project_id/list', auth, (c) => {
      const all = projectJobs(state, c)
      if (all instanceof Response) return all
      const q = c.req.query()
      const t = now()
      const jobs = all.filter((j) => {
        const last = latestBuild(j)
        return (
          (!q.search || j.name.includes(q.search)) &&
          (!q.build_status || (last && V1_STATUS[resultOf(last, t)] === q.build_status))
        )
      })
      const dir = q.sort_order === 'asc' ? 1 : -1
      if (q.sort_field === 'job_name') jobs.sort((a, b) => dir * a.name.localeCompare(b.name))
      else
        jobs.sort(
          (a, b) => dir * ((latestBuild(a)?.startTime ?? 0) - (latestBuild(b)?.startTime ?? 0)),
        )
      return page(c, jobs)
    })
    .get(
      '/v3/jobs/:job_id/status',
      auth,
      withJob((c, job) => sendJson(c, 200, { result: isRunning(job, now()) })),
    )
    .get(
      '/v1/job/:job_id/running-status',
      auth,
      withJob((c, job) => {
        const last = latestBuild(job)
        const running = isRunning(job, now())
        return v1(c, {
          is_running: running,
          last_build_no: String(last?.buildNo ?? 0),
          last_build_status: running ? 'Running' : 'Finished',
          last_job_id: job.id,
        })
      }),
    )
    .get(
      '/v1/job/:job_id/info',
      auth,
      withJob((c, job) => {
        const last = latestBuild(job)
        return v1(c, {
          job_id: job.id,
          job_name: job.name,
          project_id: job.projectId,
          creator: job.creator,
          running_status: isRunning(job, now()) ? 'Running' : 'Finished',
          last_build_status: last ? V1_STATUS[resultOf(last, now())] : '',
          last_build_no: last?.buildNo ?? 0,
          last_build_time: last?.startTime ?? 0,
          disabled: job.disabled,
          health_score: job.healthScore,
          repo_name: job.repoName,
          branch: job.branch,
        })
      }),
    )
    .get(
      '/v1/job/:job_id/status',
      auth,
      withBuild((c, _job, b) => {
        const result = resultOf(b, now())
        return v1(c, {
          status: V1_STATUS[result],
          abort_status: result === 'ABORTED' ? 'aborted' : '',
          label: b.dailyBuildNo,
        })
      }),
    )
    .get(
      '/v3/jobs/:job_id/history',
      auth,
      withJob((c, job) => {
        // offset is a page number here (§3.4); interval = days back from now, at most 30.
        const offset = intQuery(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
        const limit = intQuery(c, 'limit', 10, 1, 100)
        const interval = intQuery(c, 'interval', 7, 1, 30)
        if (offset === null || limit === null || interval === null)
          return BAD_PARAM(c, 'offset >= 0, limit 1-100, interval 1-30.')
        const t = now()
        const builds = job.builds
          .filter((b) => b.startTime >= t - interval * 86_400_000)
          .sort((a, b) => b.buildNo - a.buildNo)
        const records = builds
          .slice(offset * limit, offset * limit + limit)
          .map((b) => historyRecord(job, b, t))
        return sendJson(c, 200, { total: builds.length, history_records: records })
      }),
    )
    .get(
      '/v1/job/:job_id/:build_no/build-info',
      auth,
      withBuild((c, _job, b) => {
        const result = resultOf(b, now())
        return v1(c, { building: result === 'RUNNING', build_result: result, region: _job.region })
      }),
    )
    .get(
      '/v4/jobs/:job_id/:build_no/record-info',
      auth,
      withBuild((c, job, b) =>
        sendJson(c, 200, { result: recordInfo(job, b, now()), status: 'success' }),
      ),
    )
    .route('/', codeartsActionRoutes(state, auth))
}
