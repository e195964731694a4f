import { z } from 'zod'
import {
  integerStatus,
  optBool,
  optNumber,
  optText,
  optTime,
  optTotal,
  requiredText,
} from '../parse/fields.js'
import { itemList } from '../parse/item-list.js'

// ModelArts processor tasks (old data management API), cloud-api.md §5, re-read against the OTC
// API reference (opentelekomcloud-docs/modelarts api-ref/source/historical_apis/
// data_management_old_version/*). Status is an integer 0 initialized, 1 running, 2 completed,
// 3 failed, 4 stopped; numeric strings are read too, other integers pass (shown as unknown).
// Strict: `task_id` / `task_version_id` and `status`.

export const MODELARTS_STATUS = {
  initialized: 0,
  running: 1,
  completed: 2,
  failed: 3,
  stopped: 4,
} as const

export const processorTaskSchema = z.looseObject({
  task_id: requiredText,
  status: integerStatus,
  name: optText,
  description: optText,
  create_time: optTime,
  duration_seconds: optNumber,
  error_msg: optText,
  task_type: optText,
  template: z.looseObject({ id: optText, name: optText }).nullish().catch(null),
  version_count: optNumber,
  version_id: optText,
  version_name: optText,
  workspace_id: optText,
  is_current: optBool,
})
export const processorTaskListSchema = z.looseObject({
  count: optTotal,
  tasks: itemList(processorTaskSchema),
})

export const taskVersionSchema = z.looseObject({
  task_version_id: requiredText,
  status: integerStatus,
  task_id: optText,
  version_name: optText,
  description: optText,
  create_time: optTime,
  update_time: optTime,
  duration_seconds: optNumber,
  origin_sample_count: optNumber,
  add_sample_count: optNumber,
  deleted_sample_count: optNumber,
  modified_sample_count: optNumber,
  unmodified_sample_count: optNumber,
})
export const taskVersionListSchema = z.looseObject({
  count: optTotal,
  versions: itemList(taskVersionSchema),
})

export type ProcessorTask = z.output<typeof processorTaskSchema>
export type ProcessorTaskList = z.output<typeof processorTaskListSchema>
export type ProcessorTaskVersion = z.output<typeof taskVersionSchema>
export type ProcessorTaskVersionList = z.output<typeof taskVersionListSchema>
