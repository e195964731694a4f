import { idFor } from '../auth/iam-routes.js'
import type { JsonInput } from '@ops-console/lossless-json'
import { isoBeijing } from '../http.js'
import { currentStep, statusAt } from '../world/timeline.js'
import type { CbBuild, CbJob, CbResult } from '../world/types.js'

/**
 * Jenkins-style colours for `last_build_status`: only "blue" is documented (§3.2); red/aborted
 * and the `_anime` suffix while running are our reading.
 */
const COLOURS: Record<Exclude<CbResult, 'RUNNING'>, string> = {
  SUCCESS: 'blue',
  FAILURE: 'red',
  ABORTED: 'aborted',
}
/** v1 APIs print lower-case build states (`success` documented; the others are our choice). */
export const V1_STATUS: Record<CbResult, string> = {
  RUNNING: 'running',
  SUCCESS: 'success',
  FAILURE: 'failed',
  ABORTED: 'aborted',
}

export const resultOf = (b: CbBuild, now: number): CbResult => statusAt(b.timeline, now)
export const latestBuild = (job: CbJob): CbBuild | undefined => job.builds[job.builds.length - 1]
export const isRunning = (job: CbJob, now: number): boolean =>
  job.builds.some((b) => resultOf(b, now) === 'RUNNING')

export function buildTimes(
  b: CbBuild,
  now: number,
): { start: number; end: number | null; duration: number } {
  const step = currentStep(b.timeline, now)
  const end = step.status === 'RUNNING' ? null : step.at
  return { start: b.startTime, end, duration: (end ?? now) - b.startTime }
}

function colour(job: CbJob, now: number): string {
  const last = latestBuild(job)
  if (!last) return 'notbuilt'
  const result = resultOf(last, now)
  if (result !== 'RUNNING') return COLOURS[result]
  const prev =
    job.builds.length > 1 ? resultOf(job.builds[job.builds.length - 2] as CbBuild, now) : 'RUNNING'
  return `${prev === 'RUNNING' ? 'notbuilt' : COLOURS[prev]}_anime`
}

export function jobListItem(job: CbJob, now: number): Record<string, JsonInput> {
  const last = latestBuild(job)
  const running = isRunning(job, now)
  return {
    id: job.id,
    job_name: job.name,
    job_creator: job.creator,
    user_name: job.creator,
    last_build_time: last?.startTime ?? 0,
    health_score: job.healthScore,
    source_code: job.repoName,
    last_build_status: colour(job, now),
    is_finished: !running,
    disabled: job.disabled,
    favorite: false,
    is_modify: true,
    is_delete: true,
    is_execute: true,
    is_copy: true,
    is_forbidden: true,
    is_view: true,
    build_project_id: job.projectId,
    build_time: last ? buildTimes(last, now).duration : 0,
    last_build_user: last?.executor ?? '',
    last_build_user_id: last ? idFor('user', last.executor) : '',
    last_job_running_status: running ? 'Running' : 'Finished',
    repo_id: idFor('repo', job.repoName).slice(0, 8),
    scm_type: 'codehub',
    scm_web_url: `https://codehub.example.invalid/${job.repoName}`,
    trigger_type: last?.triggerType ?? 'MANUAL',
  }
}

export function historyRecord(job: CbJob, b: CbBuild, now: number): JsonInput {
  const t = buildTimes(b, now)
  return {
    record_id: b.dailyBuildNo,
    job_id: job.id,
    build_number: b.buildNo,
    start_time: isoBeijing(t.start),
    end_time: t.end === null ? '' : isoBeijing(t.end),
    result: resultOf(b, now),
  }
}

/**
 * v4 record-info. The documented table (and the SDK's RecordInfo2Result) types every time as a
 * String without an example value; the history example's ISO-8601 with offset is used. `build_no`
 * is an Integer there; `queued_time` ("queuing time spent") a String of ms (unit unconfirmed).
 */
export function recordInfo(job: CbJob, b: CbBuild, now: number): JsonInput {
  const t = buildTimes(b, now)
  const result = resultOf(b, now)
  return {
    id: idFor('record', `${job.id}:${b.buildNo}`),
    build_no: b.buildNo,
    status: result,
    record_status: result === 'RUNNING' ? 'RUNNING' : 'FINISHED',
    trigger_type: b.triggerType,
    create_time: isoBeijing(job.createTime),
    start_time: isoBeijing(t.start),
    finish_time: t.end === null ? '' : isoBeijing(t.end),
    duration: t.duration,
    queued_time: '0',
    daily_build_num: b.dailyBuildNo,
    branch: job.branch,
    commit: b.commitId,
    repo_name: job.repoName,
    err_msg: result === 'FAILURE' ? 'Build step "Maven build" failed with exit code 1.' : '',
    codeci_job_id: job.id,
    executor: b.executor,
  }
}
