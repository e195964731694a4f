import type {
  LastAction,
  ListQuery,
  Role,
  Workload,
  WorkloadKind,
  WorkloadList,
} from '@ops-console/contracts'
import type { WorkloadKey } from '../audit/types.js'
import type { SourceResult } from './fan-out.js'

/** Distinct (role, kind, query) pages remembered; the oldest is dropped beyond it. */
const MAX_PAGES = 128

interface PageMemo {
  sources: readonly SourceResult[]
  page: { items: Workload[]; total: number }
  refs: WorkloadKey[]
  answer?: { last: Map<string, LastAction>; list: WorkloadList }
}

function sameSources(a: readonly SourceResult[], b: readonly SourceResult[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i])
}

/**
 * Within the list cache's TTL every viewer gets the very same source results, yet each request
 * re-presented, re-filtered and re-sorted all of them. This keeps the page per (role, kind,
 * query) while the source results (by identity) and the lastActions map (memoised by the ledger,
 * so also by identity) are unchanged. An invalidated source yields a new result object, so a stop
 * shows up as before. Answers are shared between requests: callers must not mutate them.
 */
export function createListPageMemo() {
  const pages = new Map<string, PageMemo>()

  return {
    /** The filtered, sorted page of these exact source results; `compute` runs on a miss only. */
    page(
      role: Role,
      kind: WorkloadKind | 'all',
      query: ListQuery,
      sources: readonly SourceResult[],
      compute: () => { items: Workload[]; total: number },
    ): PageMemo {
      const key = JSON.stringify([
        role,
        kind,
        query.state,
        query.target,
        query.q,
        query.sort,
        query.offset,
        query.limit,
      ])
      const hit = pages.get(key)
      if (hit && sameSources(hit.sources, sources)) return hit
      const page = compute()
      const memo: PageMemo = {
        sources,
        page,
        refs: page.items.map((w) => ({ kind: w.kind, target: w.target, id: w.id })),
      }
      pages.delete(key)
      pages.set(key, memo)
      if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value as string)
      return memo
    },
  }
}

/** The answer for `memo` with these last actions, built once per distinct lastActions map. */
export function answerOf(
  memo: PageMemo,
  last: Map<string, LastAction>,
  lastActionOf: (w: Workload, last: Map<string, LastAction>) => LastAction | null,
): WorkloadList {
  if (memo.answer?.last === last) return memo.answer.list
  const list: WorkloadList = {
    items: memo.page.items.map((w) => ({ ...w, lastAction: lastActionOf(w, last) })),
    total: memo.page.total,
    sources: memo.sources.map((s) => s.status),
  }
  memo.answer = { last, list }
  return list
}
