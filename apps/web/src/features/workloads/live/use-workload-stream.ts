import { useQueryClient, type QueryKey } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { apiUrl } from '../../../lib/api-client.js'
import type { LiveMode } from '../../../lib/live-mode.js'
import { workloadKeys } from '../api/workload-queries.js'
import { applyWorkloadChanges } from './apply-changes.js'
import { connectWorkloadStream, type StreamOptions } from './workload-stream.js'

/** Refetches caused by events are batched this long (events of several sources arrive together). */
export const REFETCH_BATCH_MS = 500

export interface WorkloadStreamHookOptions extends Omit<StreamOptions, 'url'> {
  /** Called (batched) after workloads changed, for views derived from them (the overview). */
  onChanged?: () => void
}

/**
 * One stream for the signed-in app: patches cached workload lists and details in place, refetches
 * what it can't patch, and reports the mode so screens poll only while it is down.
 */
export function useWorkloadStream(options: WorkloadStreamHookOptions = {}): LiveMode {
  const queryClient = useQueryClient()
  const supported = typeof EventSource !== 'undefined' || options.createEventSource !== undefined
  const [mode, setMode] = useState<LiveMode>(supported ? 'connecting' : 'polling')
  const { createEventSource, backoffMs, connectTimeoutMs, onChanged } = options

  useEffect(() => {
    if (!supported) return
    const pending: QueryKey[] = []
    let everything = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const flush = () => {
      timer = undefined
      const keys = pending.splice(0)
      const all = everything
      everything = false
      if (all)
        void queryClient.invalidateQueries(
          { queryKey: workloadKeys.lists() },
          { cancelRefetch: false },
        )
      else
        for (const queryKey of keys)
          void queryClient.invalidateQueries({ queryKey, exact: true }, { cancelRefetch: false })
      onChanged?.()
    }
    const later = (keys: QueryKey[] | 'all') => {
      if (keys === 'all') everything = true
      else pending.push(...keys)
      timer ??= setTimeout(flush, REFETCH_BATCH_MS)
    }
    const stop = connectWorkloadStream(
      {
        mode: setMode,
        // After a gap, whatever changed meanwhile is unknown: reload what is cached.
        ready: (_ready, resumed) => (resumed ? later('all') : undefined),
        changes: (changes) => later(applyWorkloadChanges(queryClient, changes)),
        // A source failing or recovering changes which rows a list can show.
        source: () => later('all'),
        unreadable: () => later('all'),
      },
      {
        url: apiUrl('/workloads/stream'),
        ...(createEventSource ? { createEventSource } : {}),
        ...(backoffMs ? { backoffMs } : {}),
        ...(connectTimeoutMs ? { connectTimeoutMs } : {}),
      },
    )
    return () => {
      stop()
      clearTimeout(timer)
    }
  }, [queryClient, supported, createEventSource, backoffMs, connectTimeoutMs, onChanged])

  return mode
}
