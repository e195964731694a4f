import { Hono } from 'hono'
import type { MiddlewareHandler } from 'hono'
import type { SimContext, SimEnv } from '../http.js'
import { isRecord, sendJson } from '../http.js'
import type { SimState } from '../state.js'
import { stopFails } from '../state.js'
import { dailyBuildNo } from '../world/generate-codearts.js'
import { reschedule, timeline } from '../world/timeline.js'
import type { CbBuild, CbJob, CbResult } from '../world/types.js'
import { BAD_PARAM, cbError, findBuild, findJob } from './codearts.js'
import { resultOf } from './codearts-views.js'

function body(c: SimContext): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(c.get('rawBody') || '{}')
    return isRecord(parsed) ? parsed : null
  } catch {
    return null
  }
}

/**
 * A running build keeps RUNNING until the stop lands, then ABORTED (FAILURE when the stop
 * fails). Stopping a finished build: unconfirmed upstream; we answer 400 CB.00060200.
 */
function stop(
  state: SimState,
  c: SimContext,
  job: CbJob,
  build: CbBuild,
  ok: () => Response,
): Response {
  const now = state.clock.now()
  if (resultOf(build, now) !== 'RUNNING')
    return BAD_PARAM(c, `build ${build.buildNo} is not running.`)
  const final: CbResult = stopFails(state, 'codearts', `${job.id}:${build.buildNo}`)
    ? 'FAILURE'
    : 'ABORTED'
  reschedule<CbResult>(build.timeline, now, [
    { at: now + state.options.stopDelayMs, status: final },
  ])
  return ok()
}

function withJobBuild(
  state: SimState,
  c: SimContext,
  jobId: unknown,
  buildNo: unknown,
  fn: (job: CbJob, b: CbBuild) => Response,
): Response {
  const job = findJob(state, c, typeof jobId === 'string' ? jobId : undefined)
  if (job instanceof Response) return job
  const build = findBuild(c, job, buildNo)
  return build instanceof Response ? build : fn(job, build)
}

function run(state: SimState, c: SimContext): Response {
  const b = body(c)
  if (!b || typeof b.job_id !== 'string') return BAD_PARAM(c, 'job_id is required.')
  const job = findJob(state, c, b.job_id)
  if (job instanceof Response) return job
  if (job.disabled)
    return cbError(c, 'CB.00060200', 'Invalid parameter: the build task is disabled.')
  const now = state.clock.now()
  const buildNo = (job.builds[job.builds.length - 1]?.buildNo ?? 0) + 1
  const daily = dailyBuildNo(now, buildNo)
  job.builds.push({
    buildNo,
    startTime: now,
    dailyBuildNo: daily,
    triggerType: 'MANUAL',
    executor: job.creator,
    commitId: state.world.rng.chars(40, '0123456789abcdef'),
    timeline: timeline<CbResult>('RUNNING', now, {
      at: now + state.world.rng.int(2, 10) * 60_000,
      status: 'SUCCESS',
    }),
  })
  return sendJson(c, 200, {
    actual_build_number: String(buildNo),
    daily_build_number: daily,
    octopus_job_name: `j_${job.id.slice(0, 16)}`,
  })
}

function remove(state: SimState, c: SimContext): Response {
  const job = findJob(state, c, c.req.param('job_id'))
  if (job instanceof Response) return job
  state.world.codearts.delete(job.id)
  return sendJson(c, 200, {
    result: { job_id: job.id, project_id: job.projectId },
    status: 'success',
  })
}

export function codeartsActionRoutes(
  state: SimState,
  auth: MiddlewareHandler<SimEnv>,
): Hono<SimEnv> {
  const legacyStop = (c: SimContext): Response => {
    const b = body(c)
    if (!b) return BAD_PARAM(c, 'request body must be JSON.')
    return withJobBuild(state, c, b.job_id, b.build_no, (job, build) =>
      stop(state, c, job, build, () => sendJson(c, 200, { result: true })),
    )
  }
  return (
    new Hono<SimEnv>()
      .post('/v3/jobs/stop', auth, legacyStop)
      // The documented example URL uses a capital S (§3.1).
      .post('/v3/jobs/Stop', auth, legacyStop)
      .post('/v3/jobs/build', auth, (c) => run(state, c))
      .post('/v1/job/execute', auth, (c) => run(state, c))
      .post('/v3/jobs/:job_id/:build_no/stop', auth, (c) =>
        withJobBuild(state, c, c.req.param('job_id'), c.req.param('build_no'), (job, build) =>
          stop(state, c, job, build, () => sendJson(c, 200, { success: true, result: '' })),
        ),
      )
      // Docs put build_no in the body; the Go SDK sends it as a query parameter: accept both.
      .post('/v1/job/:job_id/stop', auth, (c) => {
        const b = body(c)
        const buildNo = b?.build_no ?? c.req.query('build_no')
        return withJobBuild(state, c, c.req.param('job_id'), buildNo, (job, build) =>
          stop(state, c, job, build, () => sendJson(c, 200, { status: 'success' })),
        )
      })
      .post('/v3/jobs/:job_id/delete', auth, (c) => remove(state, c))
      .delete('/v1/job/:job_id/delete', auth, (c) => remove(state, c))
  )
}
