import type {
  Workload,
  WorkloadChanges,
  WorkloadDetail,
  WorkloadList,
  WorkloadState,
} from '@ops-console/contracts'
import type { QueryClient, QueryKey } from '@tanstack/react-query'
import { refKey, workloadKeys, type ListParams, type ListScope } from '../api/workload-queries.js'

const ACTIVE: readonly WorkloadState[] = ['pending', 'running', 'stopping']

/** The BFF's list filter (apps/bff/src/workloads/list-query.ts), so patched lists match a refetch. */
export function matchesListParams(w: Workload, params: ListParams): boolean {
  if (
    params.state === 'active'
      ? !ACTIVE.includes(w.state)
      : params.state !== undefined && w.state !== params.state
  )
    return false
  if (params.target !== undefined && w.target !== params.target) return false
  const needle = params.q?.trim().toLowerCase()
  return !needle || [w.name, w.id, w.owner ?? ''].some((f) => f.toLowerCase().includes(needle))
}

/**
 * Applies one `workloads` stream event to every cached list it concerns: changed rows replace
 * theirs in place (or leave a list whose filter they no longer match), removed ids drop out. A new
 * row that a list would show can't be placed without the server's sort, so those lists are
 * returned for a refetch. Open details get the new row too.
 */
export function applyWorkloadChanges(
  queryClient: QueryClient,
  changes: WorkloadChanges,
): QueryKey[] {
  const { kind, target } = changes
  const changed = new Map(changes.changed.map((w) => [w.id, w]))
  const removed = new Set(changes.removed)
  const refetch: QueryKey[] = []
  for (const query of queryClient.getQueryCache().findAll({ queryKey: workloadKeys.lists() })) {
    const [, , scope, params] = query.queryKey as ReturnType<typeof workloadKeys.list>
    const list = query.state.data as WorkloadList | undefined
    if (!list || !covers(scope, params, kind, target)) continue
    const seen = new Set<string>()
    let dropped = 0
    const items = list.items.flatMap((w) => {
      if (w.kind !== kind || w.target !== target) return [w]
      const next = changed.get(w.id)
      if (next) seen.add(w.id)
      if (removed.has(w.id) || (next && !matchesListParams(next, params))) {
        dropped++
        return []
      }
      return [next ?? w]
    })
    if (seen.size > 0 || dropped > 0)
      queryClient.setQueryData<WorkloadList>(query.queryKey, {
        ...list,
        items,
        total: list.total - dropped,
      })
    if (changes.changed.some((w) => !seen.has(w.id) && matchesListParams(w, params)))
      refetch.push(query.queryKey)
  }
  for (const w of changes.changed) {
    const key = workloadKeys.detail(w)
    queryClient.setQueryData<WorkloadDetail>(key, (old) =>
      old && refKey(old.workload) === refKey(w) ? { ...old, workload: w } : old,
    )
  }
  return refetch
}

function covers(
  scope: ListScope,
  params: ListParams,
  kind: Workload['kind'],
  target: string,
): boolean {
  return (
    (scope === 'all' || scope === kind) && (params.target === undefined || params.target === target)
  )
}
