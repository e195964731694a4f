import { listEvery, type PagedList } from '../paging/collect-pages.js'
import type { CallOptions, CloudResult } from '../types.js'
import type {
  DataArtsPages,
  ListDataArtsJobsInput,
  ListJobInstancesInput,
} from './dataarts-client.js'
import type { DataArtsJob, DataArtsJobInstance, DataArtsScript } from './schemas.js'

/**
 * Whole DLF listings, 100 per page (OTC documents 1–100, Huawei intl up to 1000). `offset` is
 * documented as "start page" / "number of pages" (SDK: 页数), but the Huawei terraform provider,
 * run against the real service, pages DataArts jobs by records (`offset += len(jobs)`): read as
 * records, with the page-index fallback when the record walk ends short of `total`.
 */
const common = { service: 'dataarts', scheme: 'records-or-pages', limit: 100 } as const

export function dataArtsListings(pages: DataArtsPages) {
  return {
    /** Every job of one type (the API defaults to BATCH, so a dashboard lists both kinds). */
    listAllJobs(
      input: Omit<ListDataArtsJobsInput, 'offset' | 'limit'>,
      call?: CallOptions,
    ): Promise<CloudResult<PagedList<DataArtsJob>>> {
      return listEvery({
        ...common,
        operation: 'listJobs',
        key: (job) => job.name,
        page: (p) => pages.listJobs({ ...input, ...p }, call),
        pick: (d) => ({ items: d.jobs, total: d.total ?? null }),
      })
    },
    listAllJobInstances(
      input: Omit<ListJobInstancesInput, 'offset' | 'limit'> = {},
      call?: CallOptions,
    ): Promise<CloudResult<PagedList<DataArtsJobInstance>>> {
      return listEvery({
        ...common,
        operation: 'listJobInstances',
        key: (instance) => instance.instanceId,
        page: (p) => pages.listJobInstances({ ...input, ...p }, call),
        pick: (d) => ({ items: d.instances, total: d.total ?? null }),
      })
    },
    listAllScripts(
      input: { scriptName?: string } = {},
      call?: CallOptions,
    ): Promise<CloudResult<PagedList<DataArtsScript>>> {
      return listEvery({
        ...common,
        operation: 'listScripts',
        key: (script) => script.name,
        page: (p) => pages.listScripts({ ...input, ...p }, call),
        pick: (d) => ({ items: d.scripts, total: d.total ?? null }),
      })
    },
  }
}
