import { Hono } from 'hono'
import type { SimContext, SimEnv } from '../http.js'
import { intQuery, noContent, sendJson } from '../http.js'
import { longNumber } from '@ops-console/lossless-json'
import type { SimState } from '../state.js'
import { stopFails } from '../state.js'
import { reschedule, statusAt, timeline } from '../world/timeline.js'
import type { DlfInstance, DlfInstanceStatus, DlfJob, DlfJobStatus } from '../world/types.js'
import type { Guards } from './dataarts.js'
import { BAD_PARAM, dataartsProject, dlfError, JOB_NOT_FOUND } from './dataarts.js'
import {
  instanceDetail,
  instanceListItem,
  jobDetail,
  jobListItem,
  latestInstance,
  realtimeStatus,
} from './dataarts-views.js'

function instancesOf(state: SimState, c: SimContext, jobName: string): DlfInstance[] {
  return [...dataartsProject(state, c).instances.values()].filter((i) => i.jobName === jobName)
}

function listJobs(c: SimContext, state: SimState): Response {
  const jobType = c.req.query('jobType') ?? 'BATCH'
  if (jobType !== 'BATCH' && jobType !== 'REAL_TIME')
    return BAD_PARAM(c, 'jobType must be REAL_TIME or BATCH.')
  // offset is treated as a record offset (unconfirmed upstream, §2); limit up to 1000 (Huawei intl).
  const offset = intQuery(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
  const limit = intQuery(c, 'limit', 10, 1, 1000)
  if (offset === null || limit === null)
    return BAD_PARAM(c, 'offset must be >= 0 and limit 1-1000.')
  const name = c.req.query('jobName')?.toLowerCase()
  const project = dataartsProject(state, c)
  const now = state.clock.now()
  const matches = [...project.jobs.values()].filter(
    (j) => j.jobType === jobType && (!name || j.name.toLowerCase().includes(name)),
  )
  const byJob = new Map<string, DlfInstance[]>()
  for (const inst of project.instances.values())
    byJob.set(inst.jobName, [...(byJob.get(inst.jobName) ?? []), inst])
  const jobs = matches
    .slice(offset, offset + limit)
    .map((j) => jobListItem(j, latestInstance(byJob.get(j.name) ?? [], now), now))
  return sendJson(c, 200, { total: matches.length, jobs })
}

function listInstances(c: SimContext, state: SimState): Response {
  const offset = intQuery(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER)
  const limit = intQuery(c, 'limit', 10, 1, 1000)
  if (offset === null || limit === null)
    return BAD_PARAM(c, 'offset must be >= 0 and limit 1-1000.')
  const q = c.req.query()
  const min = q.minPlanTime ? Number(q.minPlanTime) : -Infinity
  const max = q.maxPlanTime ? Number(q.maxPlanTime) : Infinity
  const type = q.instanceType === undefined ? undefined : Number(q.instanceType)
  const precise = q.preciseQuery === 'true'
  const now = state.clock.now()
  const matches = [...dataartsProject(state, c).instances.values()]
    .filter(
      (i) =>
        i.planTime <= now &&
        (!q.jobName || (precise ? i.jobName === q.jobName : i.jobName.includes(q.jobName))) &&
        i.planTime >= min &&
        i.planTime <= max &&
        (type === undefined || i.instanceType === type) &&
        (!q.status || statusAt(i.timeline, now) === q.status),
    )
    .sort((a, b) => b.planTime - a.planTime)
  return sendJson(c, 200, {
    total: matches.length,
    instances: matches.slice(offset, offset + limit).map((i) => instanceListItem(i, now)),
  })
}

/** §2.6: real-time jobs pass through STOPPING; a batch job's schedule is switched off at once. */
function stopJob(state: SimState, job: DlfJob): void {
  const now = state.clock.now()
  const status = statusAt(job.timeline, now)
  if (job.jobType === 'BATCH') {
    if (status !== 'STOPPED')
      reschedule<DlfJobStatus>(job.timeline, now, [{ at: now, status: 'STOPPED' }])
    return
  }
  // Stopping an already stopped/stopping job: no error is documented, so it is a quiet no-op (204).
  if (status === 'STOPPED' || status === 'STOPPING') return
  // A failed stop leaves the job in EXCEPTION (our choice: DLF has no "stop failed" status).
  const final: DlfJobStatus = stopFails(state, 'dataarts', job.name) ? 'EXCEPTION' : 'STOPPED'
  reschedule<DlfJobStatus>(job.timeline, now, [
    { at: now, status: 'STOPPING' },
    { at: now + state.options.stopDelayMs, status: final },
  ])
}

function startJob(state: SimState, job: DlfJob): void {
  const now = state.clock.now()
  const status = statusAt(job.timeline, now)
  if (job.jobType === 'BATCH') {
    if (status !== 'SCHEDULING')
      reschedule<DlfJobStatus>(job.timeline, now, [{ at: now, status: 'SCHEDULING' }])
  } else if (status === 'STOPPED' || status === 'EXCEPTION') {
    reschedule<DlfJobStatus>(job.timeline, now, [
      { at: now, status: 'STARTING' },
      { at: now + state.options.stopDelayMs, status: 'NORMAL' },
    ])
  }
}

export function dataartsJobRoutes(state: SimState, guards: Guards): Hono<SimEnv> {
  const jobs = '/v1/:project_id/jobs'
  const withJob = (fn: (c: SimContext, job: DlfJob) => Response) => (c: SimContext) => {
    const job = dataartsProject(state, c).jobs.get(c.req.param('job_name') as string)
    return job ? fn(c, job) : JOB_NOT_FOUND(c)
  }
  return new Hono<SimEnv>()
    .get(jobs, ...guards, (c) => listJobs(c, state))
    .get(`${jobs}/instances/detail`, ...guards, (c) => listInstances(c, state))
    .get(
      `${jobs}/:job_name`,
      ...guards,
      withJob((c, job) => sendJson(c, 200, jobDetail(job))),
    )
    .get(
      `${jobs}/:job_name/status`,
      ...guards,
      withJob((c, job) =>
        sendJson(
          c,
          200,
          realtimeStatus(
            job,
            latestInstance(instancesOf(state, c, job.name), state.clock.now()),
            state.clock.now(),
          ),
        ),
      ),
    )
    .post(
      `${jobs}/:job_name/stop`,
      ...guards,
      withJob((_c, job) => (stopJob(state, job), noContent())),
    )
    .post(
      `${jobs}/:job_name/start`,
      ...guards,
      withJob((_c, job) => (startJob(state, job), noContent())),
    )
    .post(
      `${jobs}/:job_name/run-immediate`,
      ...guards,
      withJob((c, job) => {
        if (job.jobType !== 'BATCH')
          return dlfError(c, 'DLF.0136', 'This API is only valid for batch jobs.')
        const now = state.clock.now()
        const instanceId = String(1_000_000_000 + state.world.rng.int(0, 899_999_999))
        const run = state.world.rng.int(2, 10) * 60_000
        dataartsProject(state, c).instances.set(instanceId, {
          instanceId,
          jobName: job.name,
          jobId: job.id,
          planTime: now,
          submitTime: now,
          instanceType: 2,
          version: 1,
          timeline: timeline<DlfInstanceStatus>('running', now, {
            at: now + run,
            status: 'success',
          }),
        })
        return sendJson(c, 200, { instanceId: longNumber(instanceId) })
      }),
    )
    .delete(
      `${jobs}/:job_name`,
      ...guards,
      withJob((c, job) => {
        const project = dataartsProject(state, c)
        project.jobs.delete(job.name)
        for (const [id, inst] of project.instances)
          if (inst.jobName === job.name) project.instances.delete(id)
        return noContent()
      }),
    )
    .get(
      `${jobs}/:job_name/instances/:instance_id`,
      ...guards,
      withJob((c, job) => {
        const inst = dataartsProject(state, c).instances.get(c.req.param('instance_id') as string)
        if (!inst || inst.jobName !== job.name)
          return dlfError(c, 'DLF.0137', 'Job instance does not exist.')
        return sendJson(c, 200, instanceDetail(inst, job, state.clock.now()))
      }),
    )
    .post(
      `${jobs}/:job_name/instances/:instance_id/stop`,
      ...guards,
      withJob((c, job) => {
        const inst = dataartsProject(state, c).instances.get(c.req.param('instance_id') as string)
        if (!inst || inst.jobName !== job.name)
          return dlfError(c, 'DLF.0137', 'Job instance does not exist.')
        const now = state.clock.now()
        // Only running instances can be stopped; the error for others is unconfirmed (DLF.3051 is our pick).
        if (statusAt(inst.timeline, now) !== 'running')
          return BAD_PARAM(c, 'The job instance is not running.')
        // No "stopping" instance status exists: it stays running until the stop lands.
        const final: DlfInstanceStatus = stopFails(
          state,
          'dataarts',
          `${job.name}:${inst.instanceId}`,
        )
          ? 'fail'
          : 'manual-stop'
        reschedule<DlfInstanceStatus>(inst.timeline, now, [
          { at: now + state.options.stopDelayMs, status: final },
        ])
        return noContent()
      }),
    )
}
