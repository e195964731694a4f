import type { ListQuery, Workload, WorkloadState } from '@ops-console/contracts'

const ACTIVE: readonly WorkloadState[] = ['pending', 'running', 'stopping']

function matches(w: Workload, q: ListQuery, needle: string | null): boolean {
  if (
    q.state === 'active' ? !ACTIVE.includes(w.state) : q.state !== undefined && w.state !== q.state
  )
    return false
  if (q.target !== undefined && w.target !== q.target) return false
  if (needle === null) return true
  return [w.name, w.id, w.owner ?? ''].some((field) => field.toLowerCase().includes(needle))
}

type SortKey = 'name' | 'startedAt' | 'state' | 'target'

function compare(a: Workload, b: Workload, key: SortKey): number {
  const av = a[key] ?? ''
  const bv = b[key] ?? ''
  return av < bv ? -1 : av > bv ? 1 : 0
}

/**
 * Filters (state incl. 'active', target, text on name/id/owner), sorts and pages a merged list.
 * Ties fall back to (kind, target, id) so pages are stable between requests. Default order:
 * newest first.
 */
export function applyListQuery(
  items: Workload[],
  q: ListQuery,
): { items: Workload[]; total: number } {
  const needle = q.q?.trim() ? q.q.trim().toLowerCase() : null
  const filtered = items.filter((w) => matches(w, q, needle))
  const sort = q.sort ?? '-startedAt'
  const desc = sort.startsWith('-')
  const key = (desc ? sort.slice(1) : sort) as SortKey
  filtered.sort((a, b) => {
    const primary = compare(a, b, key)
    if (primary !== 0) return desc ? -primary : primary
    return `${a.kind}|${a.target}|${a.id}` < `${b.kind}|${b.target}|${b.id}` ? -1 : 1
  })
  return { items: filtered.slice(q.offset, q.offset + q.limit), total: filtered.length }
}
