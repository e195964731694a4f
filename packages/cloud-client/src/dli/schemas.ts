import { z } from 'zod'
import { isSuccessFlag, longId, looseNumber, openStatus } from '../schema-helpers.js'

// DLI Flink jobs, cloud-api.md §4. job_id is a long: always a string here.

export const flinkJobSchema = z.looseObject({
  job_id: longId,
  name: z.string().nullish(),
  desc: z.string().nullish(),
  user_name: z.string().nullish(),
  job_type: z.string().nullish(),
  status: openStatus,
  status_desc: z.string().nullish(),
  create_time: looseNumber.nullish(),
  start_time: looseNumber.nullish(),
  duration: looseNumber.nullish(),
  root_id: longId.nullish(),
  graph_editor_enabled: z.boolean().nullish(),
  has_savepoint: z.boolean().nullish(),
  queue_name: z.string().nullish(),
  restart_times: looseNumber.nullish(),
  run_mode: z.string().nullish(),
})

export const flinkJobListSchema = z.looseObject({
  is_success: isSuccessFlag.nullish(),
  message: z.string().nullish(),
  job_list: z.looseObject({
    total_count: looseNumber,
    jobs: z
      .array(flinkJobSchema)
      .nullish()
      .transform((v) => v ?? []),
  }),
})

export const flinkJobDetailSchema = z.looseObject({
  is_success: isSuccessFlag.nullish(),
  message: z.string().nullish(),
  job_detail: flinkJobSchema.extend({
    user_id: z.string().nullish(),
    project_id: z.string().nullish(),
    sql_body: z.string().nullish(),
    savepoint_path: z.string().nullish(),
    update_time: looseNumber.nullish(),
    job_config: z.looseObject({}).nullish(),
  }),
})

export const simpleResultSchema = z.looseObject({
  is_success: isSuccessFlag.nullish(),
  message: z.string().nullish(),
})

const batchItemSchema = z.looseObject({
  is_success: isSuccessFlag.nullish(),
  message: z.string().nullish(),
  error_code: z.string().nullish(),
  error_msg: z.string().nullish(),
})

/** Batch answers are arrays of per-job objects; a single object is tolerated as a one-element array. */
export const batchResultSchema = z.union([
  z.array(batchItemSchema),
  batchItemSchema.transform((item) => [item]),
])

export type FlinkJob = z.output<typeof flinkJobSchema>
export type FlinkJobList = z.output<typeof flinkJobListSchema>
export type FlinkJobDetail = z.output<typeof flinkJobDetailSchema>
export type DliSimpleResult = z.output<typeof simpleResultSchema>

/** Outcome for one job of a batch call. */
export interface DliBatchItem {
  /** The id at the same position in the request (the API answers in request order; assumption). */
  jobId: string | null
  ok: boolean
  code: string | null
  message: string | null
}

export function toBatchItems(
  ids: readonly string[],
  items: z.output<typeof batchResultSchema>,
): DliBatchItem[] {
  return items.map((item, i) => {
    const code = item.error_code ?? null
    return {
      jobId: ids[i] ?? null,
      ok: code === null && item.is_success !== false,
      code,
      message: item.error_msg ?? item.message ?? null,
    }
  })
}

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
