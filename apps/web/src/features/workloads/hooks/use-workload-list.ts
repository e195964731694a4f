import { TRANSITIONAL_STATES } from '@ops-console/contracts'
import { useQuery } from '@tanstack/react-query'
import { workloadQueries, type ListParams, type ListScope } from '../api/workload-queries.js'
import { TRANSITION_POLL_MS, useActionWatch } from './action-watch.js'

/** Normal auto-refresh period; faster while anything is changing state. */
export const IDLE_POLL_MS = 15_000

export function useWorkloadList(scope: ListScope, params: ListParams, paused: boolean) {
  const { watching } = useActionWatch()
  return useQuery({
    ...workloadQueries.list(scope, params),
    refetchInterval: (query) => {
      if (paused) return false
      const moving = query.state.data?.items.some((w) => TRANSITIONAL_STATES.includes(w.state)) ?? false
      return moving || watching > 0 ? TRANSITION_POLL_MS : IDLE_POLL_MS
    },
  })
}
