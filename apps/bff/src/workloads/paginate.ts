/** One page of an upstream list and the full count the service reports. */
export interface Page<T> {
  items: T[]
  total: number
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

export interface PaginateOptions {
  pageSize: number
  /** Parallel page requests after the first one. */
  concurrency?: number
  /** Safety stop so a bogus `total` cannot make us fetch forever. */
  maxPages?: number
}

/**
 * Fetches a whole upstream list: the first page tells the total, the remaining pages are then
 * fetched in parallel (bounded). `fetchPage` gets a zero-based page index; each adapter turns it
 * into the service's own scheme (record offset or page number).
 */
export async function paginateAll<T>(
  fetchPage: (pageIndex: number) => Promise<Page<T>>,
  opts: PaginateOptions,
): Promise<T[]> {
  const first = await fetchPage(0)
  const pages = Math.min(Math.ceil(first.total / opts.pageSize), opts.maxPages ?? 200)
  if (pages <= 1 || first.items.length === 0) return first.items
  const rest = Array.from({ length: pages - 1 }, (_, i) => i + 1)
  const more = await mapLimit(
    rest,
    opts.concurrency ?? 4,
    async (pageIndex) => (await fetchPage(pageIndex)).items,
  )
  return [...first.items, ...more.flat()]
}
