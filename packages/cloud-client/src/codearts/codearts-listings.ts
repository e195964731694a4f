import { listEvery, type PagedList } from '../paging/collect-pages.js'
import type { CallOptions, CloudResult } from '../types.js'
import type { CodeArtsPages } from './codearts-client.js'
import type { CodeArtsHistoryRecord, CodeArtsProjectJob } from './schemas.js'

/**
 * Whole CodeArts listings, 100 per page (the documented maximum). Both calls count pages, not
 * records: `page_index` and the history `offset` are "分页页码，表示从此页开始查询，大于等于0"
 * (SDK ShowJobListByProjectIdRequest / ShowListHistoryRequest), i.e. 0-based page numbers; a
 * server that turns out 1-based is handled by the page tracker.
 */
const common = { service: 'codearts', scheme: 'pages', limit: 100 } as const

export function codeArtsListings(pages: CodeArtsPages) {
  return {
    listAllProjectJobs(
      codeartsProjectId: string,
      call?: CallOptions,
    ): Promise<CloudResult<PagedList<CodeArtsProjectJob>>> {
      return listEvery({
        ...common,
        operation: 'listProjectJobs',
        key: (job) => job.id,
        page: (p) =>
          pages.listProjectJobs(
            codeartsProjectId,
            { pageIndex: p.offset, pageSize: p.limit },
            call,
          ),
        pick: (d) => ({ items: d.jobs, total: d.total ?? null }),
      })
    },
    /** Builds of the last `interval` days (1–30, default 7). */
    listAllHistory(
      jobId: string,
      input: { interval?: number } = {},
      call?: CallOptions,
    ): Promise<CloudResult<PagedList<CodeArtsHistoryRecord>>> {
      return listEvery({
        ...common,
        operation: 'getHistory',
        key: (record) => String(record.build_number),
        page: (p) => pages.getHistory(jobId, { ...input, ...p }, call),
        pick: (d) => ({ items: d.history_records, total: d.total ?? null }),
      })
    },
  }
}
