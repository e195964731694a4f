import { z } from 'zod'
import {
  longId,
  optArray,
  optBool,
  optLongId,
  optNumber,
  optObject,
  optText,
  optTime,
  optTotal,
  requiredStatus,
  requiredText,
} from '../parse/fields.js'
import { itemList } from '../parse/item-list.js'

// DataArts Factory (DLF v1), cloud-api.md §2, re-read against the OTC API reference
// (opentelekomcloud-docs/data-arts-studio api-ref/source/dataarts_factory_apis/*) and the SDK
// models (huaweicloud-sdk-python-v3 huaweicloudsdkdgc/v1/model: JobResult, JobInstance,
// ShowJobStatusResponse, RealTimeNodeStatus, ScriptInfo, ExecuteScriptResponse). Strict: job
// `name`, instance `instanceId`, `status`. Everything else is tolerant (parse/fields.ts).

export const jobListItemSchema = z.looseObject({
  name: requiredText,
  status: requiredStatus,
  jobType: optText,
  owner: optText,
  priority: optNumber,
  createUser: optText,
  createTime: optTime,
  startTime: optTime,
  endTime: optTime,
  lastInstanceStatus: optText,
  lastInstanceEndTime: optTime,
  lastUpdateTime: optTime,
  lastUpdateUser: optText,
  path: optText,
  singleNodeJobFlag: optBool,
})
export const jobListSchema = z.looseObject({
  total: optTotal,
  jobs: itemList(jobListItemSchema),
})

export const jobDetailSchema = z.looseObject({
  name: requiredText,
  id: optLongId,
  processType: optText,
  directory: optText,
  lastUpdateUser: optText,
  logPath: optText,
  nodes: itemList(z.looseObject({ name: optText, type: optText })),
  schedule: z.looseObject({ type: optText }).nullish().catch(null),
  params: optArray,
  // The documented example prints `basicConfig.tags` as `{}` though the table says a list.
  basicConfig: z.looseObject({ owner: optText, priority: optNumber }).nullish().catch(null),
})

/*
 * Real-time status (§2.3). The documented example spells the node field `LastInstanceStatus`;
 * the SDK model calls it `lastInstanceStatus`, types the job times as strings and names the
 * start `starttime`. Every spelling is read; the output uses `lastInstanceStatus`/`startTime`.
 */
const realtimeNodeSchema = z
  .looseObject({
    name: optText,
    status: optText,
    logPath: optText,
    type: optText,
    jobInstanceId: optLongId,
    lastInstanceStatus: optText,
    LastInstanceStatus: optText,
  })
  .transform(({ LastInstanceStatus, ...node }) => ({
    ...node,
    lastInstanceStatus: node.lastInstanceStatus ?? LastInstanceStatus ?? null,
  }))

export const realtimeStatusSchema = z
  .looseObject({
    name: optText,
    status: requiredStatus,
    startTime: optTime,
    starttime: optTime,
    endTime: optTime,
    lastUpdateTime: optTime,
    nodes: itemList(realtimeNodeSchema),
  })
  .transform(({ starttime, ...status }) => ({
    ...status,
    startTime: status.startTime ?? starttime ?? null,
  }))

export const jobInstanceSchema = z.looseObject({
  instanceId: longId,
  status: requiredStatus,
  jobName: optText,
  jobId: optLongId,
  jobInstanceName: optText,
  planTime: optTime,
  startTime: optTime,
  endTime: optTime,
  // Documented as long ms; the example shows 0.3, so it is a plain number, not a time.
  executeTime: optNumber,
  submitTime: optTime,
  instanceType: optNumber,
  forceSuccess: optBool,
  ignoreSuccess: optBool,
  version: optNumber,
})
export const jobInstanceListSchema = z.looseObject({
  total: optTotal,
  instances: itemList(jobInstanceSchema),
})

export const jobInstanceDetailSchema = jobInstanceSchema.extend({
  total: optNumber,
  nodes: itemList(
    z.looseObject({
      nodeName: optText,
      status: optText,
      type: optText,
      instanceId: optLongId,
      retryTimes: optNumber,
      startTime: optTime,
      endTime: optTime,
    }),
  ),
})

export const scriptSchema = z.looseObject({
  name: requiredText,
  type: optText,
  content: optText,
  directory: optText,
  connectionName: optText,
  database: optText,
  queueName: optText,
  configuration: optObject,
  description: optText,
})
export const scriptListSchema = z.looseObject({
  total: optTotal,
  scripts: itemList(scriptSchema),
})

// Docs: `{"instanceId": "<string>"}` (SDK: instance_id str); an old Go SDK model called it `jobId`.
export const executeScriptSchema = z
  .looseObject({ instanceId: requiredText.nullish(), jobId: requiredText.nullish() })
  .refine((v) => (v.instanceId ?? v.jobId) != null, 'instanceId missing')
  .transform((v) => ({ instanceId: String(v.instanceId ?? v.jobId) }))

export const scriptInstanceSchema = z.looseObject({
  status: requiredStatus,
  message: optText,
  results: itemList(
    z.looseObject({
      message: optText,
      duration: optNumber,
      rowCount: optNumber,
      rows: optArray,
      schema: optArray,
    }),
  ),
})

export type DataArtsJob = z.output<typeof jobListItemSchema>
export type DataArtsJobList = z.output<typeof jobListSchema>
export type DataArtsJobDetail = z.output<typeof jobDetailSchema>
export type DataArtsRealtimeStatus = z.output<typeof realtimeStatusSchema>
export type DataArtsJobInstance = z.output<typeof jobInstanceSchema>
export type DataArtsJobInstanceList = z.output<typeof jobInstanceListSchema>
export type DataArtsJobInstanceDetail = z.output<typeof jobInstanceDetailSchema>
export type DataArtsScript = z.output<typeof scriptSchema>
export type DataArtsScriptList = z.output<typeof scriptListSchema>
export type DataArtsScriptInstance = z.output<typeof scriptInstanceSchema>
