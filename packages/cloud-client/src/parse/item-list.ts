import { createHash } from 'node:crypto'
import { z } from 'zod'
import { stringifyJson, type JsonValue } from '@ops-console/lossless-json'

/** An element of a listing that could not be understood, and why (field path + what was wrong). */
export interface DroppedItem {
  /** Position in the page as received. */
  index: number
  reason: string
  /** Short hash of the raw element, so paging can tell a repeated page of unreadable items. */
  fingerprint: string
}

/**
 * Drops per parsed array. The parsed array is a fresh object made by the schema below, so the
 * parse that created it is the only one that can find its entry; the http core reads it right
 * after parsing (`droppedIn`) and reports it as warnings. Callers keep seeing a plain `T[]`.
 */
const dropsByList = new WeakMap<object, DroppedItem[]>()

/** Field path and issue code, never the value: warnings reach the UI and logs. */
function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'unreadable'
  const path = issue.path.map(String).join('.') || '(item)'
  return `${path}: ${issue.message.replace(/^Invalid input: /, '')}`
}

export function fingerprintOf(raw: unknown): string {
  return createHash('sha256')
    .update(stringifyJson(raw as JsonValue))
    .digest('hex')
    .slice(0, 16)
}

/** Parses each element on its own; unreadable ones are left out and remembered for the warning. */
function sift<T extends z.ZodType>(raw: readonly unknown[], item: T): z.output<T>[] {
  const kept: z.output<T>[] = []
  const dropped: DroppedItem[] = []
  raw.forEach((element, index) => {
    const parsed = item.safeParse(element)
    if (parsed.success) kept.push(parsed.data)
    else
      dropped.push({ index, reason: reasonOf(parsed.error), fingerprint: fingerprintOf(element) })
  })
  if (dropped.length > 0) dropsByList.set(kept, dropped)
  return kept
}

/**
 * The array of a listing page: each element parsed on its own, so one element that cannot be
 * understood is dropped (and reported) instead of failing the page. Absent or null → `[]`. With
 * `single`, an object that looks like one element is read as a one-element array (the CodeArts
 * history example renders `history_records` as an object); other objects as their values.
 */
export function itemList<T extends z.ZodType>(
  item: T,
  single?: (o: Record<string, unknown>) => boolean,
) {
  const container = single
    ? z.union([z.array(z.unknown()), z.record(z.string(), z.unknown()), z.null()])
    : z.union([z.array(z.unknown()), z.null()])
  return container.optional().transform((value): z.output<T>[] => {
    if (value === undefined || value === null) return []
    if (Array.isArray(value)) return sift(value, item)
    return sift(single?.(value) ? [value] : Object.values(value), item)
  })
}

/** Where a parsed body's listing arrays dropped elements: `[{ path: 'job_list.jobs', dropped }]`. */
export function droppedIn(
  data: unknown,
  path = '',
  depth = 0,
): { path: string; dropped: DroppedItem[] }[] {
  if (data === null || typeof data !== 'object' || depth > 3) return []
  if (Array.isArray(data)) {
    const dropped = dropsByList.get(data)
    return dropped ? [{ path: path || '(body)', dropped }] : []
  }
  return Object.entries(data).flatMap(([key, value]) =>
    droppedIn(value, path ? `${path}.${key}` : key, depth + 1),
  )
}

/** The elements a parsed listing array dropped (empty for any other array). */
export function droppedFrom(list: readonly unknown[]): readonly DroppedItem[] {
  return dropsByList.get(list) ?? []
}
