import { useQueryClient } from '@tanstack/react-query'
import { useCallback, type ReactNode } from 'react'
import { overviewKeys } from '../features/overview/api/overview-queries.js'
import { useWorkloadStream } from '../features/workloads/live/use-workload-stream.js'
import { LiveModeContext } from '../lib/live-mode.js'

/** Opens the workload stream for the signed-in app and tells every screen whether it is live. */
export function LiveUpdates({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  // Counts can't be patched from row changes (the old state is unknown): reload them instead.
  const onChanged = useCallback(
    () =>
      void queryClient.invalidateQueries({ queryKey: overviewKeys.all }, { cancelRefetch: false }),
    [queryClient],
  )
  const mode = useWorkloadStream({ onChanged })
  return <LiveModeContext value={mode}>{children}</LiveModeContext>
}
