import {
  CloudError,
  type CloudResult,
  type DliBatchItem,
  type FlinkJob,
} from '@ops-console/cloud-client'
import { describeUpstreamError } from '../../cloud-errors.js'
import {
  isoOrNull,
  type CloudTarget,
  type KindAdapter,
  type Observed,
  type SendOutcome,
} from '../../types.js'
import { orNull, rawOf } from '../not-found.js'
import { mapDliFlinkJobStatus } from './status-map.js'

const NOT_FOUND = ['DLI.16001', 'DLI.0002']

function observe(target: CloudTarget, job: FlinkJob & Record<string, unknown>): Observed {
  return {
    kind: 'dli-flink-job',
    target: target.name,
    id: job.job_id,
    name: job.name ?? job.job_id,
    owner: job.user_name ?? null,
    startedAt: isoOrNull(job.start_time),
    updatedAt: isoOrNull(typeof job.update_time === 'number' ? job.update_time : null),
    state: mapDliFlinkJobStatus(job.status),
    rawStatus: job.status,
    extra: {
      jobType: job.job_type ?? null,
      queue: job.queue_name ?? null,
      statusDesc: job.status_desc ?? null,
      hasSavepoint: job.has_savepoint ?? null,
      restartTimes: job.restart_times ?? null,
    },
    raw: rawOf(job),
  }
}

/**
 * A per-job error inside a 2xx batch answer, as the CloudError a single call would have thrown.
 * A job the answer did not settle (`outcome: 'unknown'`, cloud-client batch-outcome.ts) is not a
 * refusal: reported as an unreadable answer, so the audit records the stop as `unknown`.
 */
function itemError(
  result: CloudResult<unknown>,
  item: DliBatchItem | undefined,
  operation: string,
): CloudError {
  const unsettled = item === undefined || item.outcome === 'unknown'
  return new CloudError({
    service: 'dli',
    operation,
    kind: unsettled ? 'parse' : 'http',
    status: unsettled ? null : result.status,
    code: item?.code ?? null,
    message: item?.message ?? 'the job is missing from the batch answer',
    requestId: result.requestId,
  })
}

/** DLI Flink jobs (cloud-api.md §4); id = job_id. Stops go through the batch stop call. */
export const dliFlinkJobAdapter: KindAdapter = {
  kind: 'dli-flink-job',
  appliesTo: () => true,
  async list(target, opts) {
    const { data } = await target.client.dli.listAllJobs({}, opts)
    return data.items.map((j) => observe(target, j))
  },
  async get(target, id, opts = {}) {
    const res = await orNull(() => target.client.dli.getJob(id, opts), NOT_FOUND)
    return res ? observe(target, res.data.job_detail) : null
  },
  async stop(target, id, opts) {
    const res = await target.client.dli.stopJobs([id], {
      triggerSavepoint: opts.triggerSavepoint ?? false,
    })
    const item = res.data[0]
    if (!item?.ok) throw itemError(res, item, 'stopJobs')
    return res
  },
  async stopBatch(target, ids, opts): Promise<SendOutcome[]> {
    const res = await target.client.dli.stopJobs(ids, {
      triggerSavepoint: opts.triggerSavepoint ?? false,
    })
    return ids.map((_, i): SendOutcome => {
      const item = res.data[i]
      return item?.ok
        ? { ok: true, status: res.status, requestId: res.requestId }
        : { ok: false, failure: describeUpstreamError(itemError(res, item, 'stopJobs')) }
    })
  },
  async delete(target, id) {
    const res = await target.client.dli.deleteJob(id)
    if (res.data.is_success === false)
      throw itemError(
        res,
        {
          jobId: id,
          ok: false,
          outcome: 'refused',
          code: null,
          message: res.data.message ?? 'delete refused',
          source: 'answer',
        },
        'deleteJob',
      )
    return res
  },
  // cloud-api.md §4.3: DLI.15002 when the state does not allow stop/savepoint; savepointing is such a state.
  stopBlocked: (observed) =>
    observed.rawStatus === 'job_savepointing'
      ? 'a savepoint is being written; DLI accepts a stop once it is done'
      : undefined,
  stopFailed: (observed) => observed.rawStatus === 'job_cancel_fail',
}
