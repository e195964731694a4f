import type { ServiceName } from '../errors.js'
import { droppedFrom } from '../parse/item-list.js'
import type { CloudResult } from '../types.js'
import { mergeWarnings, type CloudWarning } from '../warnings.js'
import { createPageTracker, type Verdict } from './page-tracker.js'

/**
 * How a listing pages (docs/decisions/007a-paging.md):
 * - `records`: `offset` counts records (DLI);
 * - `pages`: the index counts pages; 0-based per the docs, a 1-based server is handled too (CodeArts);
 * - `records-or-pages`: documented as "start page" but read as records (DLF: the Huawei
 *   terraform provider pages DataArts jobs by records; ModelArts by analogy). When the record
 *   walk ends short of the reported total, the rest is fetched by page index.
 */
export type PagingScheme = 'records' | 'pages' | 'records-or-pages'

/** `offset` is a record offset or a page index, as the scheme says. */
export interface PageRequest {
  offset: number
  limit: number
}

export interface PageOf<T> {
  /** The page's items exactly as the single-page call returned them (drops are looked up by identity). */
  items: T[]
  total: number | null
}

export interface CollectOptions<T> {
  service: ServiceName
  operation: string
  scheme: PagingScheme
  limit: number
  /** Identity of an item, to see repeats and drop duplicates. */
  key: (item: T) => string
  fetchPage: (request: PageRequest) => Promise<CloudResult<PageOf<T>>>
  /** Pages requested at once when the total is known (default 4). */
  concurrency?: number
  /** Hard stop (default 200 pages). */
  maxPages?: number
}

export interface PagedList<T> {
  items: T[]
  /** The last total the service reported (null: none). */
  total: number | null
  /** Pages fetched. */
  pages: number
}

/**
 * Fetches every page of a listing. It stops on an empty or short page, on the reported total, or
 * on a page that brings nothing new, so no server answer can make it loop; it never silently
 * skips: ending short of the reported total is a `paging-incomplete` warning. Items appear once,
 * in the order first seen. Once the total is known, up to `concurrency` pages are requested at
 * once; a page that comes back short realigns the rest, so no window can leave a gap.
 */
export async function collectPages<T>(o: CollectOptions<T>): Promise<CloudResult<PagedList<T>>> {
  const started = performance.now()
  const maxPages = o.maxPages ?? 200
  const tracker = createPageTracker({ limit: o.limit, maxPages, pages: o.scheme === 'pages' })
  const items: T[] = []
  const pageWarnings: CloudWarning[] = []
  let last: CloudResult<PageOf<T>> | null = null
  /** `records-or-pages`: false, then 'probing' once the rest is fetched by page index. */
  let fellBack: false | 'probing' = false
  let seenAtSwitch = 0

  for (;;) {
    let verdict = await runWindow()
    // The page-index probe found nothing new: the service counts records after all.
    if (fellBack === 'probing' && verdict === 'repeat' && tracker.seen === seenAtSwitch)
      verdict = 'end'
    const incomplete = tracker.total !== null && tracker.seen < tracker.total
    // With no total, an empty page after full ones may also mean "offset 100 is page 100".
    const unsure = tracker.total === null && verdict === 'end' && tracker.lastRaw === 0
    const probe = incomplete || (unsure && tracker.seen >= o.limit)
    if (o.scheme === 'records-or-pages' && probe && fellBack === false && verdict !== 'limit') {
      fellBack = 'probing'
      seenAtSwitch = tracker.seen
      tracker.switchToPages(1)
      continue
    }
    return result(verdict, incomplete)
  }

  async function runWindow(): Promise<Exclude<Verdict, 'continue' | 'realign'>> {
    for (;;) {
      const requests = tracker.nextRequests(o.concurrency ?? 4)
      const settled = await Promise.allSettled(requests.map((r) => o.fetchPage(r)))
      for (const [k, request] of requests.entries()) {
        const outcome = settled[k] as PromiseSettledResult<CloudResult<PageOf<T>>>
        if (outcome.status === 'rejected') throw outcome.reason
        last = outcome.value
        pageWarnings.push(...(outcome.value.warnings ?? []))
        const page = outcome.value.data
        const drops = droppedFrom(page.items).map((d) => `#drop:${d.fingerprint}`)
        const keyed = page.items.map((item) => ({ item, key: o.key(item) }))
        const fresh = tracker.absorb(request, [...keyed.map((k) => k.key), ...drops], page.total)
        for (const { item, key } of keyed) if (fresh.delete(key)) items.push(item)
        const verdict = tracker.verdict()
        if (verdict !== 'continue' && verdict !== 'realign') return verdict
        // Keep the rest of the window only while it still starts where this page ended.
        if (requests[k + 1]?.offset !== tracker.cursor) break
      }
    }
  }

  function result(verdict: Verdict, incomplete: boolean): CloudResult<PagedList<T>> {
    const w = (code: CloudWarning['code'], count: number, detail: string): CloudWarning => ({
      code,
      service: o.service,
      operation: o.operation,
      count,
      detail,
    })
    const paging: CloudWarning[] = []
    if (verdict === 'repeat') paging.push(w('page-repeated', 0, `page ${tracker.pages} repeated`))
    if (verdict === 'limit') paging.push(w('page-limit', 0, `stopped after ${maxPages} pages`))
    if (incomplete) {
      const missing = (tracker.total ?? 0) - tracker.seen
      paging.push(w('paging-incomplete', missing, `${tracker.seen} of ${tracker.total ?? 0} read`))
    }
    const warnings = mergeWarnings([...pageWarnings, ...paging])
    return {
      data: { items, total: tracker.total, pages: tracker.pages },
      status: last?.status ?? 200,
      requestId: last?.requestId ?? null,
      durationMs: Math.round(performance.now() - started),
      ...(warnings.length ? { warnings } : {}),
    }
  }
}

/** {@link collectPages} over a single-page call whose body holds the page (`pick` finds it). */
export function listEvery<D, T>(
  o: Omit<CollectOptions<T>, 'fetchPage'> & {
    page: (request: PageRequest) => Promise<CloudResult<D>>
    pick: (data: D) => PageOf<T>
  },
): Promise<CloudResult<PagedList<T>>> {
  const { page, pick, ...rest } = o
  return collectPages({
    ...rest,
    fetchPage: async (request) => {
      const res = await page(request)
      return { ...res, data: pick(res.data) }
    },
  })
}
