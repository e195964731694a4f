import type { ServiceContext } from '../http/service-context.js'
import { pathBuilder } from '../http/request-spec.js'
import { noContent } from '../parse/fields.js'
import type { CallOptions, CloudResult } from '../types.js'
import { modelArtsListings } from './modelarts-listings.js'
import {
  processorTaskListSchema,
  processorTaskSchema,
  taskVersionListSchema,
  taskVersionSchema,
  type ProcessorTask,
  type ProcessorTaskList,
  type ProcessorTaskVersion,
  type ProcessorTaskVersionList,
} from './schemas.js'

export interface ListProcessorTasksInput {
  limit?: number
  offset?: number
  order?: 'asc' | 'desc'
  sort_by?: 'create_time' | 'name' | 'duration_seconds'
  query_current?: boolean
  return_result?: boolean
  source_type?: string
  status?: number
  task_name?: string
  task_type?: string
  workspace_id?: string
}

const p = (operation: string) => pathBuilder('modelarts', operation)

/**
 * ModelArts processor tasks and versions, cloud-api.md §5. The three mutations answer with
 * different success codes (stop 200 `{}`, delete version 204, delete task 200 `{}`); any body is
 * ignored and `data` is null.
 */
export function createModelArtsClient(context: ServiceContext) {
  const pages = createModelArtsPages(context)
  return { ...pages, ...modelArtsListings(pages) }
}

/** The single-page and single-object calls. */
function createModelArtsPages({ core, projectId }: ServiceContext) {
  const opt = (call?: CallOptions) => (call ? { call } : {})
  const base = (op: string) => p(op)`/v2/${projectId}/processor-tasks`
  return {
    listTasks(
      input: ListProcessorTasksInput = {},
      call?: CallOptions,
    ): Promise<CloudResult<ProcessorTaskList>> {
      return core.request({
        operation: 'listTasks',
        method: 'GET',
        path: base('listTasks'),
        query: { ...input },
        schema: processorTaskListSchema,
        ...opt(call),
      })
    },
    getTask(taskId: string, call?: CallOptions): Promise<CloudResult<ProcessorTask>> {
      return core.request({
        operation: 'getTask',
        method: 'GET',
        path: base('getTask') + p('getTask')`/${taskId}`,
        schema: processorTaskSchema,
        ...opt(call),
      })
    },
    listVersions(
      taskId: string,
      input: {
        limit?: number
        offset?: number
        order?: 'asc' | 'desc'
        sort_by?: 'create_time' | 'version_name'
      } = {},
      call?: CallOptions,
    ): Promise<CloudResult<ProcessorTaskVersionList>> {
      return core.request({
        operation: 'listVersions',
        method: 'GET',
        path: base('listVersions') + p('listVersions')`/${taskId}/versions`,
        query: { ...input },
        schema: taskVersionListSchema,
        ...opt(call),
      })
    },
    getVersion(
      taskId: string,
      versionId: string,
      call?: CallOptions,
    ): Promise<CloudResult<ProcessorTaskVersion>> {
      return core.request({
        operation: 'getVersion',
        method: 'GET',
        path: base('getVersion') + p('getVersion')`/${taskId}/versions/${versionId}`,
        schema: taskVersionSchema,
        ...opt(call),
      })
    },
    stopVersion(taskId: string, versionId: string, call?: CallOptions): Promise<CloudResult<null>> {
      return core.request({
        operation: 'stopVersion',
        method: 'POST',
        path: base('stopVersion') + p('stopVersion')`/${taskId}/versions/${versionId}/stop`,
        schema: noContent,
        ...opt(call),
      })
    },
    deleteVersion(
      taskId: string,
      versionId: string,
      call?: CallOptions,
    ): Promise<CloudResult<null>> {
      return core.request({
        operation: 'deleteVersion',
        method: 'DELETE',
        path: base('deleteVersion') + p('deleteVersion')`/${taskId}/versions/${versionId}`,
        schema: noContent,
        ...opt(call),
      })
    },
    deleteTask(taskId: string, call?: CallOptions): Promise<CloudResult<null>> {
      return core.request({
        operation: 'deleteTask',
        method: 'DELETE',
        path: base('deleteTask') + p('deleteTask')`/${taskId}`,
        schema: noContent,
        ...opt(call),
      })
    },
  }
}

export type ModelArtsPages = ReturnType<typeof createModelArtsPages>
export type ModelArtsClient = ReturnType<typeof createModelArtsClient>
