import { z } from 'zod'
import { arrayOrObject, longId, looseNumber, openStatus } from '../schema-helpers.js'

// CodeArts Build, cloud-api.md §3. Build results/colours are open strings (enumeration unconfirmed).

export const projectJobSchema = z.looseObject({
  id: z.string(),
  job_name: z.string().nullish(),
  job_creator: z.string().nullish(),
  user_name: z.string().nullish(),
  last_build_time: looseNumber.nullish(),
  health_score: looseNumber.nullish(),
  source_code: z.string().nullish(),
  last_build_status: openStatus.nullish(),
  last_job_running_status: openStatus.nullish(),
  is_finished: z.boolean().nullish(),
  disabled: z.boolean().nullish(),
  build_project_id: z.string().nullish(),
})
export const projectJobListSchema = z.looseObject({
  total: looseNumber,
  jobs: z
    .array(projectJobSchema)
    .nullish()
    .transform((v) => v ?? []),
})

/** v3 `{"result": true}` = the task is currently running. */
export const jobStatusSchema = z.looseObject({ result: z.boolean() })

/** Several v1/v4 calls wrap their payload as `{result, error, status}`. */
const wrapped = <T extends z.ZodType>(result: T) =>
  z.looseObject({ result, error: z.unknown().optional(), status: z.string().nullish() })

export const runningStatusSchema = wrapped(
  z.looseObject({
    is_running: z.boolean(),
    last_build_no: longId.nullish(),
    last_build_status: openStatus.nullish(),
    last_job_id: z.string().nullish(),
  }),
)

/** v1 job info: summary under `result` (tolerated flat as well). */
export const jobInfoSchema = z
  .looseObject({ result: z.looseObject({}).nullish() })
  .transform((v) => (v.result ?? v) as Record<string, unknown>)
  .pipe(
    z.looseObject({
      running_status: openStatus.nullish(),
      last_build_status: openStatus.nullish(),
      disabled: z.boolean().nullish(),
      health_score: looseNumber.nullish(),
    }),
  )

const historyRecordSchema = z.looseObject({
  record_id: z.string().nullish(),
  job_id: z.string().nullish(),
  build_number: looseNumber,
  start_time: z.string().nullish(),
  end_time: z.string().nullish(),
  result: openStatus.nullish(),
})
/** `history_records` is an array per the schema; the doc example renders it as one object. */
export const historySchema = z.looseObject({
  total: looseNumber,
  history_records: arrayOrObject(
    historyRecordSchema,
    (o) => 'build_number' in o || 'record_id' in o,
  ),
})

export const buildInfoSchema = wrapped(
  z.looseObject({
    building: z.boolean(),
    build_result: openStatus.nullish(),
    region: z.string().nullish(),
  }),
)

export const recordInfoSchema = wrapped(
  z.looseObject({
    id: z.string().nullish(),
    build_no: looseNumber.nullish(),
    status: openStatus.nullish(),
    record_status: openStatus.nullish(),
    trigger_type: z.string().nullish(),
    start_time: looseNumber.nullish(),
    finish_time: looseNumber.nullish(),
    duration: looseNumber.nullish(),
    daily_build_num: z.string().nullish(),
    err_msg: z.string().nullish(),
  }),
)

export const stopV1Schema = z.looseObject({ status: z.string().nullish() })
export const stopV3Schema = z.looseObject({ success: z.boolean(), result: z.string().nullish() })
export const stopLegacySchema = z.looseObject({ result: z.boolean() })

export const deleteJobSchema = z.looseObject({
  result: z
    .looseObject({ job_id: z.string().nullish(), project_id: z.string().nullish() })
    .nullish(),
  status: z.string().nullish(),
})

export type CodeArtsProjectJob = z.output<typeof projectJobSchema>
export type CodeArtsProjectJobList = z.output<typeof projectJobListSchema>
export type CodeArtsRunningStatus = z.output<typeof runningStatusSchema>
export type CodeArtsJobInfo = z.output<typeof jobInfoSchema>
export type CodeArtsHistory = z.output<typeof historySchema>
export type CodeArtsBuildInfo = z.output<typeof buildInfoSchema>
export type CodeArtsRecordInfo = z.output<typeof recordInfoSchema>
export type CodeArtsDeleteResult = z.output<typeof deleteJobSchema>
