import { configError } from '../errors.js'
import type { ServiceContext } from '../http/service-context.js'
import { pathBuilder } from '../http/request-spec.js'
import type { CallOptions, CloudResult } from '../types.js'
import {
  buildInfoSchema,
  deleteJobSchema,
  historySchema,
  jobInfoSchema,
  jobStatusSchema,
  projectJobListSchema,
  recordInfoSchema,
  runningStatusSchema,
  type CodeArtsBuildInfo,
  type CodeArtsDeleteResult,
  type CodeArtsHistory,
  type CodeArtsJobInfo,
  type CodeArtsProjectJobList,
  type CodeArtsRecordInfo,
  type CodeArtsRunningStatus,
} from './schemas.js'
import { codeArtsListings } from './codearts-listings.js'
import { createBuildStopper, type CodeArtsStopRoute, type StopBuildResult } from './stop-build.js'

const p = (operation: string) => pathBuilder('codearts', operation)

/** build_no starts at 1; accepted as number or numeric string ("20"). */
function buildNumber(operation: string, value: number | string): number {
  const n = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < 1)
    throw configError('codearts', operation, `Invalid build number '${String(value)}'`)
  return n
}

/**
 * CodeArts Build, cloud-api.md §3. Note: `codeartsProjectId` is a CodeArts project id, not the IAM
 * project id; the token must be project-scoped.
 */
export function createCodeArtsClient(
  context: ServiceContext,
  stopRoute: 'auto' | CodeArtsStopRoute = 'auto',
) {
  const pages = createCodeArtsPages(context, stopRoute)
  return { ...pages, ...codeArtsListings(pages) }
}

/** The single-page and single-object calls. */
function createCodeArtsPages({ core }: ServiceContext, stopRoute: 'auto' | CodeArtsStopRoute) {
  const opt = (call?: CallOptions) => (call ? { call } : {})
  const stopper = createBuildStopper(core, stopRoute)
  return {
    listProjectJobs(
      codeartsProjectId: string,
      input: { pageIndex?: number; pageSize?: number } = {},
      call?: CallOptions,
    ): Promise<CloudResult<CodeArtsProjectJobList>> {
      return core.request({
        operation: 'listProjectJobs',
        method: 'GET',
        path: p('listProjectJobs')`/v3/${codeartsProjectId}/jobs`,
        query: { page_index: input.pageIndex ?? 0, page_size: input.pageSize ?? 10 },
        schema: projectJobListSchema,
        ...opt(call),
      })
    },
    /** v3: `data.result === true` while the task is running. */
    getJobStatus(jobId: string, call?: CallOptions): Promise<CloudResult<{ result: boolean }>> {
      return core.request({
        operation: 'getJobStatus',
        method: 'GET',
        path: p('getJobStatus')`/v3/jobs/${jobId}/status`,
        schema: jobStatusSchema,
        ...opt(call),
      })
    },
    getRunningStatus(
      jobId: string,
      call?: CallOptions,
    ): Promise<CloudResult<CodeArtsRunningStatus>> {
      return core.request({
        operation: 'getRunningStatus',
        method: 'GET',
        path: p('getRunningStatus')`/v1/job/${jobId}/running-status`,
        schema: runningStatusSchema,
        ...opt(call),
      })
    },
    getJobInfo(jobId: string, call?: CallOptions): Promise<CloudResult<CodeArtsJobInfo>> {
      return core.request({
        operation: 'getJobInfo',
        method: 'GET',
        path: p('getJobInfo')`/v1/job/${jobId}/info`,
        schema: jobInfoSchema,
        ...opt(call),
      })
    },
    /** All three query parameters are required by the API; defaults 0 / 10 / 7 days. */
    getHistory(
      jobId: string,
      input: { offset?: number; limit?: number; interval?: number } = {},
      call?: CallOptions,
    ): Promise<CloudResult<CodeArtsHistory>> {
      return core.request({
        operation: 'getHistory',
        method: 'GET',
        path: p('getHistory')`/v3/jobs/${jobId}/history`,
        query: {
          offset: input.offset ?? 0,
          limit: input.limit ?? 10,
          interval: input.interval ?? 7,
        },
        schema: historySchema,
        ...opt(call),
      })
    },
    getBuildInfo(
      jobId: string,
      buildNo: number | string,
      call?: CallOptions,
    ): Promise<CloudResult<CodeArtsBuildInfo>> {
      const n = buildNumber('getBuildInfo', buildNo)
      return core.request({
        operation: 'getBuildInfo',
        method: 'GET',
        path: p('getBuildInfo')`/v1/job/${jobId}/${n}/build-info`,
        schema: buildInfoSchema,
        ...opt(call),
      })
    },
    getRecordInfo(
      jobId: string,
      buildNo: number | string,
      call?: CallOptions,
    ): Promise<CloudResult<CodeArtsRecordInfo>> {
      const n = buildNumber('getRecordInfo', buildNo)
      return core.request({
        operation: 'getRecordInfo',
        method: 'GET',
        path: p('getRecordInfo')`/v4/jobs/${jobId}/${n}/record-info`,
        schema: recordInfoSchema,
        ...opt(call),
      })
    },
    /** See {@link createBuildStopper}; never retried automatically. */
    stopBuild(
      jobId: string,
      buildNo: number | string,
      call?: CallOptions,
    ): Promise<CloudResult<StopBuildResult>> {
      return stopper(jobId, buildNumber('stopBuild', buildNo), call)
    },
    /** `POST /v3/jobs/{job_id}/delete` — the task goes to the recycle bin. */
    deleteJob(jobId: string, call?: CallOptions): Promise<CloudResult<CodeArtsDeleteResult>> {
      return core.request({
        operation: 'deleteJob',
        method: 'POST',
        path: p('deleteJob')`/v3/jobs/${jobId}/delete`,
        schema: deleteJobSchema,
        ...opt(call),
      })
    },
  }
}

export type CodeArtsPages = ReturnType<typeof createCodeArtsPages>
export type CodeArtsClient = ReturnType<typeof createCodeArtsClient>
