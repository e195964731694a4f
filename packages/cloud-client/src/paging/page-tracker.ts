import type { PageRequest } from './collect-pages.js'

/**
 * After a page: `continue`; `realign` (continue, but from the tracker's cursor, dropping requests
 * planned on the assumption of full pages); or why the listing ends — `end` (empty or short page),
 * `total` (the reported total is reached), `repeat` (nothing new), `limit` (page cap).
 */
export type Verdict = 'continue' | 'realign' | 'end' | 'total' | 'repeat' | 'limit'

export interface PageTrackerOptions {
  limit: number
  maxPages: number
  /** Start in page-index mode (otherwise record offsets). */
  pages: boolean
}

/** The stop rules of {@link collectPages}, kept apart from fetching so each rule is one line. */
export function createPageTracker(options: PageTrackerOptions) {
  const seen = new Set<string>()
  let byPage = options.pages
  let cursor = 0
  let pages = 0
  let total: number | null = null
  let firstKeys: readonly string[] = []
  let verdict: Verdict = 'continue'
  let probedEmptyFirst = false
  let skippedAlias = false
  let lastRaw = 0
  /** Records a page is assumed to hold when planning ahead: the limit, or less once the service showed a lower cap. */
  let stride = options.limit
  /** Plan a single request next: at the start and after a change of reading, before anything is known. */
  let single = true

  /** Records a page; returns the keys it brought for the first time. */
  function absorb(request: PageRequest, keys: readonly string[], reported: number | null) {
    pages++
    lastRaw = keys.length
    if (reported !== null) total = reported
    const fresh = new Set<string>()
    for (const key of keys)
      if (!seen.has(key)) {
        seen.add(key)
        fresh.add(key)
      }
    verdict = judge(request, keys, fresh.size)
    if (pages === 1) firstKeys = keys
    return fresh
  }

  function judge(request: PageRequest, keys: readonly string[], freshCount: number): Verdict {
    const raw = keys.length
    if (raw === 0) {
      // A 1-based server may answer index 0 with nothing: look at index 1 once before ending.
      if (byPage && request.offset === 0 && !probedEmptyFirst && total !== 0) {
        probedEmptyFirst = true
        cursor = 1
        return 'realign'
      }
      return 'end'
    }
    if (freshCount === 0) {
      // A 1-based server may read index 0 as page 1: index 1 then repeats it. Skip that once.
      const alias = byPage && request.offset === 1 && !skippedAlias && sameKeys(keys, firstKeys)
      if (!alias) return 'repeat'
      skippedAlias = true
      cursor = 2
      return 'continue'
    }
    cursor = byPage ? request.offset + 1 : request.offset + raw
    if (pages >= options.maxPages) return 'limit'
    if (total !== null && seen.size >= total) return 'total'
    // A short page ends the listing unless the total says more remain (a lower server cap, a
    // shifting list): then continue from where this page ended; a following empty page ends it.
    if (raw < options.limit) {
      if (total === null || seen.size >= total) return 'end'
      stride = Math.min(stride, raw)
      return 'realign'
    }
    return 'continue'
  }

  /** The next requests: one while the total is unknown, else up to `width` pages of `stride` records. */
  function nextRequests(width: number): PageRequest[] {
    const remaining = total === null || single ? 1 : Math.ceil((total - seen.size) / stride)
    single = false
    const n = Math.max(1, Math.min(width, remaining, options.maxPages - pages))
    return Array.from({ length: n }, (_, k) => ({
      offset: byPage ? cursor + k : cursor + k * stride,
      limit: options.limit,
    }))
  }

  return {
    absorb,
    nextRequests,
    verdict: () => verdict,
    /** Continue by page index from `index` (the record walk of `records-or-pages` fell short). */
    switchToPages(index: number) {
      byPage = true
      cursor = index
      single = true
      verdict = 'continue'
    },
    get cursor() {
      return cursor
    },
    get pages() {
      return pages
    },
    get total() {
      return total
    },
    get seen() {
      return seen.size
    },
    /** Elements on the last page absorbed. */
    get lastRaw() {
      return lastRaw
    },
  }
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i])
}
