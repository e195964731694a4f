import { z } from 'zod'
import {
  optBool,
  optNumber,
  optObject,
  optText,
  optTime,
  optTotal,
  requiredCount,
  requiredText,
} from '../parse/fields.js'
import { itemList } from '../parse/item-list.js'

// CodeArts Build, cloud-api.md §3, re-read against the SDK models (huaweicloud-sdk-python-v3
// huaweicloudsdkcodeartsbuild/v3/model: Job, HistoryRecord, ShowRunningStatusResult,
// ShowJobInfoResult, JobStatusResultResponseBodyResult, RecordInfo2Result, Stop*Response,
// DeleteBuildJobResponse). Build results and colours are open strings (enumeration unconfirmed).
// Strict: task `id`, history `build_number`, and the booleans that say whether something runs.

export const projectJobSchema = z.looseObject({
  id: requiredText,
  job_name: optText,
  job_creator: optText,
  user_name: optText,
  // The SDK types it as float; documented as ms.
  last_build_time: optTime,
  health_score: optNumber,
  source_code: optText,
  last_build_status: optText,
  last_job_running_status: optText,
  is_finished: optBool,
  disabled: optBool,
  build_project_id: optText,
})
export const projectJobListSchema = z.looseObject({
  total: optTotal,
  jobs: itemList(projectJobSchema),
})

/** v3 `{"result": true}` = the task is currently running. */
export const jobStatusSchema = z.looseObject({ result: z.boolean() })

/** Several v1/v4 calls wrap their payload as `{result, error, status}`. */
const wrapped = <T extends z.ZodType>(result: T) =>
  z.looseObject({ result, error: z.unknown().optional(), status: optText })

export const runningStatusSchema = wrapped(
  z.looseObject({
    is_running: z.boolean(),
    last_build_no: optText,
    last_build_status: optText,
    last_job_id: optText,
  }),
)

/** v1 job info: summary under `result` (tolerated flat as well). */
export const jobInfoSchema = z
  .looseObject({ result: optObject })
  .transform((v) => (v.result ?? v) as Record<string, unknown>)
  .pipe(
    z.looseObject({
      running_status: optText,
      last_build_status: optText,
      disabled: optBool,
      health_score: optNumber,
      create_time: optTime,
      last_build_time: optTime,
    }),
  )

/** SDK HistoryRecord: times are strings (ISO-8601 with offset in the example). */
const historyRecordSchema = z.looseObject({
  build_number: requiredCount,
  record_id: optText,
  job_id: optText,
  start_time: optTime,
  end_time: optTime,
  result: optText,
})
/** `history_records` is an array per the schema; the doc example renders it as one object. */
export const historySchema = z.looseObject({
  total: optTotal,
  history_records: itemList(historyRecordSchema, (o) => 'build_number' in o || 'record_id' in o),
})

export const buildInfoSchema = wrapped(
  z.looseObject({
    building: z.boolean(),
    build_result: optText,
    region: optText,
  }),
)

/** v4 record-info: the SDK types every time as a string, `build_no` as int, `duration` as int ms. */
export const recordInfoSchema = wrapped(
  z.looseObject({
    id: optText,
    build_no: optNumber,
    status: optText,
    record_status: optText,
    trigger_type: optText,
    create_time: optTime,
    start_time: optTime,
    finish_time: optTime,
    duration: optNumber,
    daily_build_num: optText,
    err_msg: optText,
  }),
)

export const stopV1Schema = z.looseObject({ status: optText })
export const stopV3Schema = z.looseObject({ success: z.boolean(), result: optText })
export const stopLegacySchema = z.looseObject({ result: z.boolean() })

export const deleteJobSchema = z.looseObject({
  result: z.looseObject({ job_id: optText, project_id: optText }).nullish().catch(null),
  status: optText,
})

export type CodeArtsProjectJob = z.output<typeof projectJobSchema>
export type CodeArtsProjectJobList = z.output<typeof projectJobListSchema>
export type CodeArtsRunningStatus = z.output<typeof runningStatusSchema>
export type CodeArtsJobInfo = z.output<typeof jobInfoSchema>
export type CodeArtsHistoryRecord = z.output<typeof historyRecordSchema>
export type CodeArtsHistory = z.output<typeof historySchema>
export type CodeArtsBuildInfo = z.output<typeof buildInfoSchema>
export type CodeArtsRecordInfo = z.output<typeof recordInfoSchema>
export type CodeArtsDeleteResult = z.output<typeof deleteJobSchema>
