import { listEvery, type PagedList } from '../paging/collect-pages.js'
import type { CallOptions, CloudResult } from '../types.js'
import type { ListProcessorTasksInput, ModelArtsPages } from './modelarts-client.js'
import type { ProcessorTask, ProcessorTaskVersion } from './schemas.js'

/**
 * Whole ModelArts listings, 100 per page (the documented maximum). `offset` is documented as
 * "start page of the paging list"; read as records like the DLF offset it mirrors (unconfirmed,
 * cloud-api.md §8), with the page-index fallback when the record walk ends short of `count`.
 */
const common = { service: 'modelarts', scheme: 'records-or-pages', limit: 100 } as const

export function modelArtsListings(pages: ModelArtsPages) {
  return {
    listAllTasks(
      input: Omit<ListProcessorTasksInput, 'offset' | 'limit'> = {},
      call?: CallOptions,
    ): Promise<CloudResult<PagedList<ProcessorTask>>> {
      return listEvery({
        ...common,
        operation: 'listTasks',
        key: (task) => task.task_id,
        page: (p) => pages.listTasks({ ...input, ...p }, call),
        pick: (d) => ({ items: d.tasks, total: d.count ?? null }),
      })
    },
    listAllVersions(
      taskId: string,
      call?: CallOptions,
    ): Promise<CloudResult<PagedList<ProcessorTaskVersion>>> {
      return listEvery({
        ...common,
        operation: 'listVersions',
        key: (version) => version.task_version_id,
        page: (p) => pages.listVersions(taskId, p, call),
        pick: (d) => ({ items: d.versions, total: d.count ?? null }),
      })
    },
  }
}
