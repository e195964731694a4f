import { z } from 'zod'
import { looseNumber } from '../schema-helpers.js'

// ModelArts processor tasks (old data management API), cloud-api.md §5.
// Status is an integer 0 initialized, 1 running, 2 completed, 3 failed, 4 stopped; kept as a number
// (numeric strings tolerated), unknown values pass through.
const status = looseNumber

export const MODELARTS_STATUS = {
  initialized: 0,
  running: 1,
  completed: 2,
  failed: 3,
  stopped: 4,
} as const

export const processorTaskSchema = z.looseObject({
  task_id: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  create_time: looseNumber.nullish(),
  duration_seconds: looseNumber.nullish(),
  status,
  error_msg: z.string().nullish(),
  task_type: z.string().nullish(),
  template: z.looseObject({ id: z.string().nullish(), name: z.string().nullish() }).nullish(),
  version_count: looseNumber.nullish(),
  version_id: z.string().nullish(),
  version_name: z.string().nullish(),
  workspace_id: z.string().nullish(),
  is_current: z.boolean().nullish(),
})
export const processorTaskListSchema = z.looseObject({
  count: looseNumber,
  tasks: z
    .array(processorTaskSchema)
    .nullish()
    .transform((v) => v ?? []),
})

export const taskVersionSchema = z.looseObject({
  task_version_id: z.string(),
  task_id: z.string().nullish(),
  version_name: z.string().nullish(),
  description: z.string().nullish(),
  status,
  create_time: looseNumber.nullish(),
  update_time: looseNumber.nullish(),
  duration_seconds: looseNumber.nullish(),
  origin_sample_count: looseNumber.nullish(),
  add_sample_count: looseNumber.nullish(),
  deleted_sample_count: looseNumber.nullish(),
  modified_sample_count: looseNumber.nullish(),
  unmodified_sample_count: looseNumber.nullish(),
})
export const taskVersionListSchema = z.looseObject({
  count: looseNumber,
  versions: z
    .array(taskVersionSchema)
    .nullish()
    .transform((v) => v ?? []),
})

export type ProcessorTask = z.output<typeof processorTaskSchema>
export type ProcessorTaskList = z.output<typeof processorTaskListSchema>
export type ProcessorTaskVersion = z.output<typeof taskVersionSchema>
export type ProcessorTaskVersionList = z.output<typeof taskVersionListSchema>
