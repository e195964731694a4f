import { z } from 'zod'
import { longId, looseNumber, openStatus } from '../schema-helpers.js'

// DataArts Factory (DLF v1), cloud-api.md §2. Times are epoch ms; ids that are longs become strings.
const ms = looseNumber.nullish()

export const jobListItemSchema = z.looseObject({
  name: z.string(),
  jobType: z.string().nullish(),
  owner: z.string().nullish(),
  priority: looseNumber.nullish(),
  status: openStatus.nullish(),
  createUser: z.string().nullish(),
  createTime: ms,
  startTime: ms,
  endTime: ms,
  lastInstanceStatus: openStatus.nullish(),
  lastInstanceEndTime: ms,
  lastUpdateTime: ms,
  lastUpdateUser: z.string().nullish(),
  path: z.string().nullish(),
  singleNodeJobFlag: z.boolean().nullish(),
})
export const jobListSchema = z.looseObject({
  total: looseNumber,
  jobs: z
    .array(jobListItemSchema)
    .nullish()
    .transform((v) => v ?? []),
})

export const jobDetailSchema = z.looseObject({
  name: z.string(),
  id: longId.nullish(),
  processType: z.string().nullish(),
  directory: z.string().nullish(),
  lastUpdateUser: z.string().nullish(),
  logPath: z.string().nullish(),
  nodes: z
    .array(z.looseObject({ name: z.string().nullish(), type: z.string().nullish() }))
    .nullish(),
  schedule: z.looseObject({ type: z.string().nullish() }).nullish(),
  params: z.array(z.unknown()).nullish(),
  basicConfig: z
    .looseObject({ owner: z.string().nullish(), priority: looseNumber.nullish() })
    .nullish(),
})

// The documented example spells the node field `LastInstanceStatus`; both spellings are accepted
// and exposed as `lastInstanceStatus`.
const realtimeNodeSchema = z
  .looseObject({
    name: z.string().nullish(),
    status: openStatus.nullish(),
    logPath: z.string().nullish(),
    type: z.string().nullish(),
    jobInstanceId: longId.nullish(),
    lastInstanceStatus: openStatus.nullish(),
    LastInstanceStatus: openStatus.nullish(),
  })
  .transform(({ LastInstanceStatus, ...node }) => ({
    ...node,
    lastInstanceStatus: node.lastInstanceStatus ?? LastInstanceStatus ?? null,
  }))

export const realtimeStatusSchema = z.looseObject({
  name: z.string().nullish(),
  status: openStatus,
  startTime: ms,
  endTime: ms,
  lastUpdateTime: ms,
  nodes: z
    .array(realtimeNodeSchema)
    .nullish()
    .transform((v) => v ?? []),
})

export const jobInstanceSchema = z.looseObject({
  jobName: z.string().nullish(),
  jobId: longId.nullish(),
  jobInstanceName: z.string().nullish(),
  instanceId: longId,
  status: openStatus,
  planTime: ms,
  startTime: ms,
  endTime: ms,
  // Documented as long ms, the example shows 0.3.
  executeTime: looseNumber.nullish(),
  submitTime: ms,
  instanceType: looseNumber.nullish(),
  forceSuccess: z.boolean().nullish(),
  ignoreSuccess: z.boolean().nullish(),
  version: looseNumber.nullish(),
})
export const jobInstanceListSchema = z.looseObject({
  total: looseNumber,
  instances: z
    .array(jobInstanceSchema)
    .nullish()
    .transform((v) => v ?? []),
})

export const jobInstanceDetailSchema = jobInstanceSchema.extend({
  total: looseNumber.nullish(),
  nodes: z
    .array(
      z.looseObject({
        nodeName: z.string().nullish(),
        status: openStatus.nullish(),
        type: z.string().nullish(),
        instanceId: longId.nullish(),
        retryTimes: looseNumber.nullish(),
      }),
    )
    .nullish(),
})

export const scriptSchema = z.looseObject({
  name: z.string(),
  type: z.string().nullish(),
  content: z.string().nullish(),
  directory: z.string().nullish(),
  connectionName: z.string().nullish(),
  database: z.string().nullish(),
  queueName: z.string().nullish(),
  configuration: z.record(z.string(), z.unknown()).nullish(),
  description: z.string().nullish(),
})
export const scriptListSchema = z.looseObject({
  total: looseNumber,
  scripts: z
    .array(scriptSchema)
    .nullish()
    .transform((v) => v ?? []),
})

// Docs: `{"instanceId": "<string>"}`; an old Go SDK model called it `jobId`. Both are accepted.
export const executeScriptSchema = z
  .looseObject({ instanceId: longId.nullish(), jobId: longId.nullish() })
  .refine((v) => (v.instanceId ?? v.jobId) != null, 'instanceId missing')
  .transform((v) => ({ instanceId: String(v.instanceId ?? v.jobId) }))

export const scriptInstanceSchema = z.looseObject({
  status: openStatus,
  message: z.string().nullish(),
  results: z
    .array(
      z.looseObject({
        message: z.string().nullish(),
        duration: looseNumber.nullish(),
        rowCount: looseNumber.nullish(),
        rows: z.array(z.unknown()).nullish(),
        schema: z.array(z.unknown()).nullish(),
      }),
    )
    .nullish(),
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
