import { configError } from '../errors.js'
import type { ServiceContext } from '../http/service-context.js'
import { pathBuilder } from '../http/request-spec.js'
import { longNumber, type JsonLong } from '@ops-console/lossless-json'
import type { CallOptions, CloudResult } from '../types.js'
import { listEvery, type PagedList } from '../paging/collect-pages.js'
import {
  mapByPosition,
  markByRereading,
  type DliBatchAction,
  type DliBatchItem,
} from './batch-outcome.js'
import {
  batchResultSchema,
  flinkJobDetailSchema,
  flinkJobListSchema,
  isPartialBatch,
  simpleResultSchema,
  type DliSimpleResult,
  type FlinkJob,
  type FlinkJobDetail,
  type FlinkJobList,
} from './schemas.js'

export interface ListFlinkJobsInput {
  job_type?: string
  status?: string
  queue_name?: string
  order?: 'asc' | 'desc'
  limit?: number
  offset?: number
  name?: string
  show_detail?: boolean
  user_name?: string
  tags?: string
}

const p = (operation: string) => pathBuilder('dli', operation)

/** DLI job ids are longs: decimal strings in, JSON number literals on the wire (never rounded). */
function jobIds(operation: string, ids: readonly string[]): JsonLong[] {
  if (ids.length === 0) throw configError('dli', operation, 'At least one job id is required')
  return ids.map((id) => {
    if (!/^\d{1,19}$/.test(id)) throw configError('dli', operation, `Invalid DLI job id '${id}'`)
    return longNumber(id)
  })
}

function jobId(operation: string, id: string): string {
  if (!/^\d{1,19}$/.test(id)) throw configError('dli', operation, `Invalid DLI job id '${id}'`)
  return id
}

/**
 * DLI Flink jobs, cloud-api.md §4. Batch calls resolve to one item per requested id, in request
 * order; ids the answer does not cover are re-read and marked from what the read shows
 * (batch-outcome.ts), so an answer never reports success for a job it did not mention.
 */
export function createDliClient({ core, projectId }: ServiceContext) {
  const opt = (call?: CallOptions) => (call ? { call } : {})
  const batch = async (
    action: DliBatchAction,
    operation: string,
    path: string,
    ids: readonly string[],
    extra: Record<string, boolean>,
    call?: CallOptions,
  ): Promise<CloudResult<DliBatchItem[]>> => {
    const res = await core.request({
      operation,
      method: 'POST',
      path,
      body: { job_ids: jobIds(operation, ids), ...extra },
      schema: batchResultSchema,
      acceptError: isPartialBatch,
      ...opt(call),
    })
    const mapped = mapByPosition(ids, res.data)
    if (mapped) return { ...res, data: mapped }
    const reread = await markByRereading(ids, action, async (id) => {
      const { data } = await client.getJob(id, call)
      return data.job_detail.status
    })
    return { ...res, data: reread }
  }

  const client = {
    listJobs(
      input: ListFlinkJobsInput = {},
      call?: CallOptions,
    ): Promise<CloudResult<FlinkJobList>> {
      return core.request({
        operation: 'listJobs',
        method: 'GET',
        path: p('listJobs')`/v1.0/${projectId}/streaming/jobs`,
        query: { ...input },
        schema: flinkJobListSchema,
        ...opt(call),
      })
    },
    getJob(id: string, call?: CallOptions): Promise<CloudResult<FlinkJobDetail>> {
      return core.request({
        operation: 'getJob',
        method: 'GET',
        path: p('getJob')`/v1.0/${projectId}/streaming/jobs/${jobId('getJob', id)}`,
        schema: flinkJobDetailSchema,
        ...opt(call),
      })
    },
    /** Delivers the stop request; jobs then move job_canceling → job_cancel_success / job_cancel_fail. */
    stopJobs(
      ids: readonly string[],
      input: { triggerSavepoint?: boolean } = {},
      call?: CallOptions,
    ): Promise<CloudResult<DliBatchItem[]>> {
      return batch(
        'stop',
        'stopJobs',
        p('stopJobs')`/v1.0/${projectId}/streaming/jobs/stop`,
        ids,
        { trigger_savepoint: input.triggerSavepoint ?? false },
        call,
      )
    },
    deleteJob(id: string, call?: CallOptions): Promise<CloudResult<DliSimpleResult>> {
      return core.request({
        operation: 'deleteJob',
        method: 'DELETE',
        path: p('deleteJob')`/v1.0/${projectId}/streaming/jobs/${jobId('deleteJob', id)}`,
        schema: simpleResultSchema,
        ...opt(call),
      })
    },
    deleteJobs(ids: readonly string[], call?: CallOptions): Promise<CloudResult<DliBatchItem[]>> {
      return batch(
        'delete',
        'deleteJobs',
        p('deleteJobs')`/v1.0/${projectId}/streaming/jobs/delete`,
        ids,
        {},
        call,
      )
    },
    runJobs(
      ids: readonly string[],
      input: { resumeSavepoint?: boolean } = {},
      call?: CallOptions,
    ): Promise<CloudResult<DliBatchItem[]>> {
      return batch(
        'run',
        'runJobs',
        p('runJobs')`/v1.0/${projectId}/streaming/jobs/run`,
        ids,
        { resume_savepoint: input.resumeSavepoint ?? false },
        call,
      )
    },
    /** Every job matching the filter (offset is a record offset: "Job offset", dli_02_0234). */
    listAllJobs(
      input: Omit<ListFlinkJobsInput, 'offset' | 'limit'> = {},
      call?: CallOptions,
    ): Promise<CloudResult<PagedList<FlinkJob>>> {
      return listEvery({
        service: 'dli',
        operation: 'listJobs',
        scheme: 'records',
        limit: 100,
        key: (job) => job.job_id,
        page: (p) => client.listJobs({ ...input, ...p }, call),
        pick: (d) => ({ items: d.job_list.jobs, total: d.job_list.total_count ?? null }),
      })
    },
  }
  return client
}

export type DliClient = ReturnType<typeof createDliClient>
