import { TRANSITIONAL_STATES } from '@ops-console/contracts'
import { useQuery } from '@tanstack/react-query'
import { useLiveMode } from '../../../lib/live-mode.js'
import { workloadQueries, type ListParams, type ListScope } from '../api/workload-queries.js'
import { TRANSITION_POLL_MS, useActionWatch } from './action-watch.js'

/** Auto-refresh period while the live stream is down; faster while anything is changing state. */
export const IDLE_POLL_MS = 15_000

/** While the stream is live it patches this list, so it doesn't poll at all. */
export function useWorkloadList(scope: ListScope, params: ListParams, paused: boolean) {
  const { watching } = useActionWatch()
  const live = useLiveMode() === 'live'
  return useQuery({
    ...workloadQueries.list(scope, params),
    refetchInterval: (query) => {
      if (paused || live) return false
      const moving =
        query.state.data?.items.some((w) => TRANSITIONAL_STATES.includes(w.state)) ?? false
      return moving || watching > 0 ? TRANSITION_POLL_MS : IDLE_POLL_MS
    },
  })
}
