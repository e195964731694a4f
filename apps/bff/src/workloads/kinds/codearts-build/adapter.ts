import {
  CloudError,
  type CloudResult,
  type CodeArtsHistoryRecord,
  type StopBuildResult,
} from '@ops-console/cloud-client'
import { parseCodeArtsBuildId as parseBuildId } from '@ops-console/contracts'
import { mapLimit } from '../../paginate.js'
import {
  isoOrNull,
  type CloudTarget,
  type KindAdapter,
  type Observed,
  type ReadOptions,
} from '../../types.js'
import { orNull, rawOf } from '../not-found.js'
import { mapCodeArtsBuildStatus } from './status-map.js'

type HistoryRecord = CodeArtsHistoryRecord

/** Days of history listed (the API allows at most 30). */
const LIST_INTERVAL_DAYS = 7
const DETAIL_INTERVAL_DAYS = 30
/** Unconfirmed for a well-formed but unknown id (cloud-api.md §3.7); "invalid task ID" is the closest documented code. */
const NOT_FOUND = ['CB.00060201']

interface JobFacts {
  jobId: string
  jobName: string
  owner: string | null
  codeartsProjectId: string | null
  /** Build number the running-status call reports as running, if any. */
  runningBuildNo: number | null
}

function observe(target: CloudTarget, job: JobFacts, rec: HistoryRecord): Observed {
  const running = job.runningBuildNo === rec.build_number
  return {
    kind: 'codearts-build',
    target: target.name,
    id: `${job.jobId}:${rec.build_number}`,
    name: `${job.jobName} #${rec.build_number}`,
    owner: job.owner,
    startedAt: isoOrNull(rec.start_time),
    updatedAt: isoOrNull(rec.end_time),
    state: mapCodeArtsBuildStatus(rec.result, running),
    rawStatus: rec.result ?? (running ? 'running' : ''),
    extra: {
      jobId: job.jobId,
      jobName: job.jobName,
      buildNo: rec.build_number,
      recordId: rec.record_id ?? null,
      codeartsProjectId: job.codeartsProjectId,
    },
    raw: { ...rawOf(rec), job_id: job.jobId, job_name: job.jobName, is_running: running },
  }
}

async function history(
  target: CloudTarget,
  jobId: string,
  interval: number,
  opts: ReadOptions,
): Promise<HistoryRecord[]> {
  const { data } = await target.client.codearts.listAllHistory(jobId, { interval }, opts)
  return data.items
}

async function runningBuild(
  target: CloudTarget,
  jobId: string,
  opts: ReadOptions,
): Promise<number | null> {
  const { data } = await target.client.codearts.getRunningStatus(jobId, opts)
  return data.result.is_running && data.result.last_build_no
    ? Number(data.result.last_build_no)
    : null
}

async function listProject(
  target: CloudTarget,
  codeartsProjectId: string,
  opts: ReadOptions,
): Promise<Observed[]> {
  const { data } = await target.client.codearts.listAllProjectJobs(codeartsProjectId, opts)
  const perJob = await mapLimit(data.items, 4, async (job) => {
    // The task list already says when nothing runs (`is_finished`); only otherwise ask which build runs.
    const [records, runningBuildNo] = await Promise.all([
      history(target, job.id, LIST_INTERVAL_DAYS, opts),
      job.is_finished === true ? Promise.resolve(null) : runningBuild(target, job.id, opts),
    ])
    const facts: JobFacts = {
      jobId: job.id,
      jobName: job.job_name ?? job.id,
      owner: job.job_creator ?? job.user_name ?? null,
      codeartsProjectId,
      runningBuildNo,
    }
    return records.map((r) => observe(target, facts, r))
  })
  return perJob.flat()
}

/**
 * CodeArts builds (cloud-api.md §3): per CodeArts project of the target, its build tasks, then each
 * task's recent builds from history, with the running build taken from the running-status call.
 */
export const codeArtsBuildAdapter: KindAdapter = {
  kind: 'codearts-build',
  deleteUnsupported:
    'CodeArts has no API to delete a single build (only whole build tasks); builds age out of the history',
  appliesTo: (target) => target.codeartsProjectIds.length > 0,
  async list(target, opts) {
    const perProject = await Promise.all(
      target.codeartsProjectIds.map((pid) => listProject(target, pid, opts)),
    )
    return perProject.flat()
  },
  async get(target, id, opts = {}) {
    const ref = parseBuildId(id)
    if (!ref) return null
    const records = await orNull(
      () => history(target, ref.jobId, DETAIL_INTERVAL_DAYS, opts),
      NOT_FOUND,
    )
    const rec = records?.find((r) => r.build_number === ref.buildNo)
    if (!rec) return null
    const [runningBuildNo, info] = await Promise.all([
      runningBuild(target, ref.jobId, opts),
      target.client.codearts.getJobInfo(ref.jobId, opts),
    ])
    const jobName = typeof info.data.job_name === 'string' ? info.data.job_name : ref.jobId
    const creator = info.data.job_creator ?? info.data.creator
    const owner = typeof creator === 'string' ? creator : null
    return observe(
      target,
      { jobId: ref.jobId, jobName, owner, codeartsProjectId: null, runningBuildNo },
      rec,
    )
  },
  async stop(target, id): Promise<CloudResult<StopBuildResult>> {
    const ref = parseBuildId(id)
    if (!ref) throw new Error('invalid build id') // unreachable: validated before any call
    const res = await target.client.codearts.stopBuild(ref.jobId, ref.buildNo)
    if (!res.data.accepted) {
      throw new CloudError({
        service: 'codearts',
        operation: 'stopBuild',
        kind: 'http',
        status: res.status,
        message: `the ${res.data.route} stop API did not accept the stop`,
        requestId: res.requestId,
      })
    }
    return res
  },
}
