import {
  TRANSITIONAL_STATES,
  type ActionResult,
  type Workload,
  type WorkloadList,
  type WorkloadState,
} from '@ops-console/contracts'
import type { QueryClient } from '@tanstack/react-query'
import { refKey, workloadKeys } from './workload-queries.js'

/**
 * After an accepted action, show the new state in every cached list right away (the overview,
 * "running now" and per-kind lists all show the row), then let the refetch confirm it.
 */
export function patchListsAfterAction(
  queryClient: QueryClient,
  results: ActionResult[],
  fallback: WorkloadState,
): void {
  const accepted = new Map<string, Workload | null>()
  for (const r of results)
    if (r.status === 'accepted') accepted.set(refKey(r.ref), r.workload ?? null)
  if (accepted.size === 0) return
  queryClient.setQueriesData<WorkloadList>({ queryKey: workloadKeys.lists() }, (old) => {
    if (!old) return old
    return {
      ...old,
      items: old.items.map((w) => {
        const key = refKey(w)
        if (!accepted.has(key)) return w
        // The result carries the workload as seen before the action; show the transition instead.
        const next = accepted.get(key) ?? w
        return TRANSITIONAL_STATES.includes(next.state) ? next : { ...next, state: fallback }
      }),
    }
  })
}
