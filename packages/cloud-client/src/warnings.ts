import type { ServiceName } from './errors.js'
import type { DroppedItem } from './parse/item-list.js'

/**
 * Something a successful call could not fully deliver (docs/decisions/007-tolerant-parsing.md):
 * - `item-dropped`: listing elements that could not be understood (a strict field such as an id or
 *   the status was missing or unusable) were left out of the page;
 * - `page-repeated`: a page brought nothing new, so paging stopped there;
 * - `paging-incomplete`: paging ended with fewer items than the reported total;
 * - `page-limit`: paging stopped at the page cap.
 */
export type CloudWarningCode = 'item-dropped' | 'page-repeated' | 'paging-incomplete' | 'page-limit'

export interface CloudWarning {
  code: CloudWarningCode
  service: ServiceName
  operation: string
  /** Items concerned: dropped elements, or elements missing against the reported total. */
  count: number
  /** Why, as field path and problem (`job_id: missing or not a decimal id`); never a response value. */
  detail: string
}

/** One line for people: `3 items dropped by dli listJobs (job_id: missing or not a decimal id)`. */
export function describeWarning(w: CloudWarning): string {
  const items = `${w.count} item${w.count === 1 ? '' : 's'}`
  const what: Record<CloudWarningCode, string> = {
    'item-dropped': `${items} dropped`,
    'page-repeated': 'paging stopped at a repeated page',
    'paging-incomplete': `${items} missing against the reported total`,
    'page-limit': 'paging stopped at the page limit',
  }
  return `${what[w.code]} by ${w.service} ${w.operation} (${w.detail})`
}

/** Warnings for dropped listing elements, one per (array, reason). */
export function dropWarnings(
  service: ServiceName,
  operation: string,
  lists: readonly { path: string; dropped: readonly DroppedItem[] }[],
): CloudWarning[] {
  const counts = new Map<string, number>()
  for (const { path, dropped } of lists)
    for (const d of dropped) {
      const detail = `${path}[]: ${d.reason}`
      counts.set(detail, (counts.get(detail) ?? 0) + 1)
    }
  return [...counts].map(([detail, count]) => ({
    code: 'item-dropped',
    service,
    operation,
    count,
    detail,
  }))
}

/** Merges warnings of several calls (pages of one listing): same code, operation and detail add up. */
export function mergeWarnings(all: readonly CloudWarning[]): CloudWarning[] {
  const merged = new Map<string, CloudWarning>()
  for (const w of all) {
    const key = `${w.code}|${w.service}|${w.operation}|${w.detail}`
    const seen = merged.get(key)
    merged.set(key, seen ? { ...seen, count: seen.count + w.count } : { ...w })
  }
  return [...merged.values()]
}
