import { Hono } from 'hono'
import type { MiddlewareHandler } from 'hono'
import type { SimContext, SimEnv } from '../http.js'
import { sendJson } from '../http.js'
import type { JsonInput } from '@ops-console/lossless-json'
import type { SimState } from '../state.js'
import { stopFails } from '../state.js'
import { reschedule, statusAt } from '../world/timeline.js'
import type { DliJob, DliStatus } from '../world/types.js'
import { dliJobs, readJobIds } from './dli.js'

/** States a stop may start from; the rest answer DLI.15002 (our reading of §4.3). */
const STOPPABLE: readonly DliStatus[] = [
  'job_running',
  'job_submitting',
  'job_downloading',
  'job_idle',
  'job_arrearage_recovering',
  'job_cancel_fail',
]
/** States a run may start from (anything not already active). */
const RUNNABLE: readonly DliStatus[] = [
  'job_init',
  'job_submit_fail',
  'job_cancel_success',
  'job_cancel_fail',
  'job_finish',
  'job_running_exception',
  'job_arrearage_stopped',
]

type Outcome = { ok: true; message: string } | { ok: false; code: string; message: string }

/**
 * One element per job, in request order. HTTP status for partial failure is unconfirmed (§4.3);
 * the docs show mixed arrays as error examples, so any failed element makes it a 400.
 */
function batchResponse(c: SimContext, outcomes: Outcome[]): Response {
  const items: JsonInput[] = outcomes.map((o) =>
    o.ok
      ? { is_success: 'true', message: o.message }
      : { error_code: o.code, error_msg: o.message },
  )
  return sendJson(c, outcomes.every((o) => o.ok) ? 200 : 400, items)
}

function stopJob(
  state: SimState,
  job: DliJob | undefined,
  id: string,
  savepoint: boolean,
): Outcome {
  if (!job) return { ok: false, code: 'DLI.0002', message: `The job ${id} does not exist.` }
  const now = state.clock.now()
  const status = statusAt(job.timeline, now)
  if (!STOPPABLE.includes(status)) {
    return {
      ok: false,
      code: 'DLI.15002',
      message: `The job ${id} is in status ${status}, which does not allow stop or savepoint.`,
    }
  }
  const delay = state.options.stopDelayMs
  const final: DliStatus = stopFails(state, 'dli', id) ? 'job_cancel_fail' : 'job_cancel_success'
  const steps = savepoint
    ? [
        { at: now, status: 'job_savepointing' as const },
        { at: now + delay / 2, status: 'job_canceling' as const },
      ]
    : [{ at: now, status: 'job_canceling' as const }]
  reschedule<DliStatus>(job.timeline, now, [...steps, { at: now + delay, status: final }])
  if (savepoint && final === 'job_cancel_success')
    job.savepointPath = `obs://dli-savepoints/${job.name}/sp-${now}`
  return { ok: true, message: 'The request for stopping DLI jobs is successfully delivered.' }
}

function runJob(state: SimState, job: DliJob | undefined, id: string, resume: boolean): Outcome {
  if (!job) return { ok: false, code: 'DLI.13007', message: `The job ${id} does not exist.` }
  const now = state.clock.now()
  const status = statusAt(job.timeline, now)
  if (!RUNNABLE.includes(status))
    return {
      ok: false,
      code: 'DLI.13005',
      message: `The job ${id} is in status ${status} and cannot be started.`,
    }
  if (resume && job.savepointPath === null)
    return {
      ok: false,
      code: 'DLI.13017',
      message: `No savepoint or checkpoint is available for job ${id}.`,
    }
  const delay = state.options.stopDelayMs
  reschedule<DliStatus>(job.timeline, now, [
    { at: now, status: 'job_submitting' },
    { at: now + delay, status: 'job_running' },
  ])
  job.startTime = now + delay
  return { ok: true, message: 'The request for submitting DLI jobs is delivered successfully.' }
}

export function dliBatchRoutes(
  state: SimState,
  auth: MiddlewareHandler<SimEnv>,
  base: string,
): Hono<SimEnv> {
  return new Hono<SimEnv>()
    .post(`${base}/stop`, auth, (c) => {
      const read = readJobIds(c)
      if (read instanceof Response) return read
      const jobs = dliJobs(state, c.req.param('project_id') as string)
      const savepoint = read.body.trigger_savepoint === true
      return batchResponse(
        c,
        read.ids.map((id) => stopJob(state, jobs.get(id), id, savepoint)),
      )
    })
    .post(`${base}/delete`, auth, (c) => {
      const read = readJobIds(c)
      if (read instanceof Response) return read
      const jobs = dliJobs(state, c.req.param('project_id') as string)
      return batchResponse(
        c,
        read.ids.map((id) =>
          jobs.delete(id)
            ? { ok: true, message: 'The job is deleted successfully.' }
            : { ok: false, code: 'DLI.17001', message: `The job ${id} does not exist.` },
        ),
      )
    })
    .post(`${base}/run`, auth, (c) => {
      const read = readJobIds(c)
      if (read instanceof Response) return read
      const jobs = dliJobs(state, c.req.param('project_id') as string)
      const resume = read.body.resume_savepoint === true
      return batchResponse(
        c,
        read.ids.map((id) => runJob(state, jobs.get(id), id, resume)),
      )
    })
}
