import type { DataArtsJob } from '@ops-console/cloud-client'
import {
  isoOrNull,
  type CloudTarget,
  type KindAdapter,
  type Observed,
  type ReadOptions,
} from '../../types.js'
import { orNull, rawOf } from '../not-found.js'
import { mapDataArtsJobStatus, type DataArtsJobType } from './status-map.js'

const JOB_TYPES: readonly DataArtsJobType[] = ['REAL_TIME', 'BATCH']
const NOT_FOUND = ['DLF.0100']

function observe(
  target: CloudTarget,
  jobType: DataArtsJobType,
  job: DataArtsJob,
  extraRaw: Record<string, unknown> = {},
): Observed {
  return {
    kind: 'dataarts-job',
    target: target.name,
    id: job.name,
    name: job.name,
    owner: job.owner ?? job.createUser ?? null,
    startedAt: isoOrNull(job.startTime),
    updatedAt: isoOrNull(job.lastUpdateTime),
    state: mapDataArtsJobStatus(jobType, job.status),
    rawStatus: job.status ?? '',
    extra: {
      jobType,
      priority: job.priority ?? null,
      lastInstanceStatus: job.lastInstanceStatus ?? null,
      path: job.path ?? null,
    },
    raw: { ...rawOf(job), ...extraRaw },
  }
}

async function listType(
  target: CloudTarget,
  jobType: DataArtsJobType,
  opts: ReadOptions,
  jobName?: string,
): Promise<DataArtsJob[]> {
  const { data } = await target.client.dataarts.listAllJobs(
    { jobType, ...(jobName ? { jobName } : {}) },
    opts,
  )
  return data.items
}

/** DataArts Factory jobs (cloud-api.md §2.1–2.8): both REAL_TIME and BATCH; id = job name. */
export const dataArtsJobAdapter: KindAdapter = {
  kind: 'dataarts-job',
  appliesTo: () => true,
  async list(target, opts) {
    const [realTime, batch] = await Promise.all(JOB_TYPES.map((t) => listType(target, t, opts)))
    return [
      ...(realTime ?? []).map((j) => observe(target, 'REAL_TIME', j)),
      ...(batch ?? []).map((j) => observe(target, 'BATCH', j)),
    ]
  },
  async get(target, id, opts = {}) {
    const detail = await orNull(() => target.client.dataarts.getJob(id, opts), NOT_FOUND)
    if (!detail) return null
    const jobType: DataArtsJobType = detail.data.processType === 'REAL_TIME' ? 'REAL_TIME' : 'BATCH'
    // The definition has no status; the list (filtered by name, then matched exactly) has it.
    const match = (await listType(target, jobType, opts, id)).find((j) => j.name === id)
    const definition = rawOf(detail.data)
    if (match) return observe(target, jobType, match, { definition })
    if (jobType === 'REAL_TIME') {
      const status = await target.client.dataarts.getRealtimeJobStatus(id, opts)
      return observe(
        target,
        jobType,
        {
          name: id,
          status: status.data.status,
          startTime: status.data.startTime,
          lastUpdateTime: status.data.lastUpdateTime,
        },
        { definition },
      )
    }
    return observe(
      target,
      jobType,
      // No status is known for a batch job missing from its own list: shown as unknown.
      { name: id, status: '', owner: detail.data.basicConfig?.owner ?? null },
      { definition },
    )
  },
  stop: (target, id) => target.client.dataarts.stopJob(id),
  delete: (target, id) => target.client.dataarts.deleteJob(id),
}
