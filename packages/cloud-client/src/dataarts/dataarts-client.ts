import type { ServiceContext } from '../http/service-context.js'
import { pathBuilder } from '../http/request-spec.js'
import { noContent } from '../parse/fields.js'
import type { CallOptions, CloudResult } from '../types.js'
import { dataArtsListings } from './dataarts-listings.js'
import {
  executeScriptSchema,
  jobDetailSchema,
  jobInstanceDetailSchema,
  jobInstanceListSchema,
  jobListSchema,
  realtimeStatusSchema,
  scriptInstanceSchema,
  scriptListSchema,
  type DataArtsJobDetail,
  type DataArtsJobInstanceDetail,
  type DataArtsJobInstanceList,
  type DataArtsJobList,
  type DataArtsRealtimeStatus,
  type DataArtsScriptInstance,
  type DataArtsScriptList,
} from './schemas.js'

export interface ListDataArtsJobsInput {
  /** The API defaults to BATCH, so a dashboard lists both kinds with two calls. */
  jobType: 'REAL_TIME' | 'BATCH'
  offset?: number
  limit?: number
  jobName?: string
  tags?: string[]
}

export interface ListJobInstancesInput {
  jobName?: string
  minPlanTime?: number
  maxPlanTime?: number
  limit?: number
  offset?: number
  status?: string
  instanceType?: number
  preciseQuery?: boolean
}

const p = (operation: string) => pathBuilder('dataarts', operation)

/** DataArts Factory (DLF v1) jobs and scripts, cloud-api.md §2. Sends the `workspace` header when configured. */
export function createDataArtsClient(context: ServiceContext) {
  const pages = createDataArtsPages(context)
  return { ...pages, ...dataArtsListings(pages) }
}

/** The single-page and single-object calls. */
function createDataArtsPages({ core, projectId }: ServiceContext) {
  const opt = (call?: CallOptions) => (call ? { call } : {})
  return {
    listJobs(
      input: ListDataArtsJobsInput,
      call?: CallOptions,
    ): Promise<CloudResult<DataArtsJobList>> {
      const { tags, ...rest } = input
      return core.request({
        operation: 'listJobs',
        method: 'GET',
        path: p('listJobs')`/v1/${projectId}/jobs`,
        query: { ...rest, tags: tags?.join(',') },
        schema: jobListSchema,
        ...opt(call),
      })
    },
    getJob(jobName: string, call?: CallOptions): Promise<CloudResult<DataArtsJobDetail>> {
      return core.request({
        operation: 'getJob',
        method: 'GET',
        path: p('getJob')`/v1/${projectId}/jobs/${jobName}`,
        schema: jobDetailSchema,
        ...opt(call),
      })
    },
    getRealtimeJobStatus(
      jobName: string,
      call?: CallOptions,
    ): Promise<CloudResult<DataArtsRealtimeStatus>> {
      return core.request({
        operation: 'getRealtimeJobStatus',
        method: 'GET',
        path: p('getRealtimeJobStatus')`/v1/${projectId}/jobs/${jobName}/status`,
        schema: realtimeStatusSchema,
        ...opt(call),
      })
    },
    listJobInstances(
      input: ListJobInstancesInput = {},
      call?: CallOptions,
    ): Promise<CloudResult<DataArtsJobInstanceList>> {
      return core.request({
        operation: 'listJobInstances',
        method: 'GET',
        path: p('listJobInstances')`/v1/${projectId}/jobs/instances/detail`,
        query: { ...input },
        schema: jobInstanceListSchema,
        ...opt(call),
      })
    },
    getJobInstance(
      jobName: string,
      instanceId: string,
      call?: CallOptions,
    ): Promise<CloudResult<DataArtsJobInstanceDetail>> {
      return core.request({
        operation: 'getJobInstance',
        method: 'GET',
        path: p('getJobInstance')`/v1/${projectId}/jobs/${jobName}/instances/${instanceId}`,
        schema: jobInstanceDetailSchema,
        ...opt(call),
      })
    },
    /** 204 on success. Batch jobs: stops the schedule; real-time jobs: STOPPING → STOPPED. */
    stopJob(jobName: string, call?: CallOptions): Promise<CloudResult<null>> {
      return core.request({
        operation: 'stopJob',
        method: 'POST',
        path: p('stopJob')`/v1/${projectId}/jobs/${jobName}/stop`,
        schema: noContent,
        ...opt(call),
      })
    },
    stopJobInstance(
      jobName: string,
      instanceId: string,
      call?: CallOptions,
    ): Promise<CloudResult<null>> {
      return core.request({
        operation: 'stopJobInstance',
        method: 'POST',
        path: p('stopJobInstance')`/v1/${projectId}/jobs/${jobName}/instances/${instanceId}/stop`,
        schema: noContent,
        ...opt(call),
      })
    },
    /** `approvers` only when job review is enabled in the workspace. */
    deleteJob(
      jobName: string,
      input: { approvers?: string[] } = {},
      call?: CallOptions,
    ): Promise<CloudResult<null>> {
      const body = input.approvers?.length
        ? { approvers: input.approvers.map((approverName) => ({ approverName })) }
        : undefined
      return core.request({
        operation: 'deleteJob',
        method: 'DELETE',
        path: p('deleteJob')`/v1/${projectId}/jobs/${jobName}`,
        body,
        schema: noContent,
        ...opt(call),
      })
    },
    listScripts(
      input: { offset?: number; limit?: number; scriptName?: string } = {},
      call?: CallOptions,
    ): Promise<CloudResult<DataArtsScriptList>> {
      return core.request({
        operation: 'listScripts',
        method: 'GET',
        path: p('listScripts')`/v1/${projectId}/scripts`,
        query: { ...input },
        schema: scriptListSchema,
        ...opt(call),
      })
    },
    /** The only source of script instance ids: there is no "list script instances" API. */
    executeScript(
      scriptName: string,
      input: { params?: Record<string, string> } = {},
      call?: CallOptions,
    ): Promise<CloudResult<{ instanceId: string }>> {
      return core.request({
        operation: 'executeScript',
        method: 'POST',
        path: p('executeScript')`/v1/${projectId}/scripts/${scriptName}/execute`,
        body: input.params ? { params: input.params } : {},
        schema: executeScriptSchema,
        ...opt(call),
      })
    },
    getScriptInstance(
      scriptName: string,
      instanceId: string,
      call?: CallOptions,
    ): Promise<CloudResult<DataArtsScriptInstance>> {
      return core.request({
        operation: 'getScriptInstance',
        method: 'GET',
        path: p(
          'getScriptInstance',
        )`/v1/${projectId}/scripts/${scriptName}/instances/${instanceId}`,
        schema: scriptInstanceSchema,
        ...opt(call),
      })
    },
    stopScriptInstance(
      scriptName: string,
      instanceId: string,
      call?: CallOptions,
    ): Promise<CloudResult<null>> {
      return core.request({
        operation: 'stopScriptInstance',
        method: 'POST',
        path: p(
          'stopScriptInstance',
        )`/v1/${projectId}/scripts/${scriptName}/instances/${instanceId}/stop`,
        schema: noContent,
        ...opt(call),
      })
    },
  }
}

export type DataArtsPages = ReturnType<typeof createDataArtsPages>
export type DataArtsClient = ReturnType<typeof createDataArtsClient>
