import { z } from 'zod'
import {
  longId,
  optBool,
  optNumber,
  optObject,
  optText,
  optTime,
  optTotal,
  requiredStatus,
} from '../parse/fields.js'
import { itemList } from '../parse/item-list.js'

// DLI Flink jobs, cloud-api.md §4, re-read against the OTC API reference
// (opentelekomcloud-docs/data-lake-insight api-ref/source/flink_job-related_apis/*: listing_jobs,
// querying_job_details, batch_*) and the SDK models (huaweicloudsdkdli/v1/model). Strict:
// `job_id` (a long, always a string here) and `status`. The detail example prints
// `start_time: null` for a job that never started; the list documents 0 for the same.

export const flinkJobSchema = z.looseObject({
  job_id: longId,
  status: requiredStatus,
  name: optText,
  desc: optText,
  user_name: optText,
  job_type: optText,
  status_desc: optText,
  create_time: optTime,
  start_time: optTime,
  duration: optNumber,
  // -1 = no parent (a long otherwise), kept as text.
  root_id: optText,
  graph_editor_enabled: optBool,
  has_savepoint: optBool,
  queue_name: optText,
  restart_times: optNumber,
  run_mode: optText,
  update_time: optTime,
})

export const flinkJobListSchema = z.looseObject({
  is_success: optBool,
  message: optText,
  job_list: z.looseObject({
    total_count: optTotal,
    jobs: itemList(flinkJobSchema),
  }),
})

export const flinkJobDetailSchema = z.looseObject({
  is_success: optBool,
  message: optText,
  job_detail: flinkJobSchema.extend({
    user_id: optText,
    project_id: optText,
    sql_body: optText,
    savepoint_path: optText,
    job_config: optObject,
  }),
})

export const simpleResultSchema = z.looseObject({
  is_success: optBool,
  message: optText,
})

/** One element of a batch answer: `{is_success, message}` or `{error_code, error_msg}`. */
export const batchElementSchema = z.looseObject({
  is_success: optBool,
  message: optText,
  error_code: optText,
  error_msg: optText,
})
export type DliBatchElement = z.output<typeof batchElementSchema>

/** Batch answers are arrays of per-job objects; a single object is tolerated as a one-element array. */
export const batchResultSchema = z.union([
  z.array(batchElementSchema),
  batchElementSchema.transform((item) => [item]),
])

export type FlinkJob = z.output<typeof flinkJobSchema>
export type FlinkJobList = z.output<typeof flinkJobListSchema>
export type FlinkJobDetail = z.output<typeof flinkJobDetailSchema>
export type DliSimpleResult = z.output<typeof simpleResultSchema>

/**
 * A non-2xx batch answer whose array still reports some successes is a partial result, resolved
 * per job (which HTTP status DLI uses for partial failures is unconfirmed). An all-error array is
 * thrown as a CloudError built from its first error element.
 */
export function isPartialBatch(_status: number, body: unknown): boolean {
  return (
    Array.isArray(body) &&
    body.some((item) => {
      const o = item as { is_success?: unknown; error_code?: unknown } | null
      return (
        o !== null &&
        typeof o === 'object' &&
        o.error_code === undefined &&
        (o.is_success === true || o.is_success === 'true')
      )
    })
  )
}
