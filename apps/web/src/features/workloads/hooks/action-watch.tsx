import type { Workload, WorkloadAction } from '@ops-console/contracts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import { useToast } from '../../../components/ui/toaster.js'
import { useLiveMode } from '../../../lib/live-mode.js'
import {
  refKey,
  workloadKeys,
  workloadQueries,
  type WorkloadRefLike,
} from '../api/workload-queries.js'
import { evaluateOutcome } from './outcome.js'

/** Polling interval while an accepted action has not reached its outcome. */
export const TRANSITION_POLL_MS = 1500
/** While live the stream brings the outcome; this slow poll is only a safety net. */
export const LIVE_SAFETY_POLL_MS = 10_000

interface WatchEntry {
  ref: WorkloadRefLike
  action: WorkloadAction
  name: string
  since: number
  intentAt?: string | undefined
}
interface ActionWatch {
  watch: (entries: Omit<WatchEntry, 'since'>[]) => void
  watching: number
  /** Accepted actions still in flight, by workload key. */
  pending: ReadonlyMap<string, WorkloadAction>
}

const ActionWatchContext = createContext<ActionWatch>({
  watch: () => undefined,
  watching: 0,
  pending: new Map(),
})

export function useActionWatch(): ActionWatch {
  return use(ActionWatchContext)
}

/**
 * Follows one accepted action until its outcome shows, then toasts it. A stop polls the detail;
 * a delete polls a narrow list query, because a gone workload's detail is a 404 that browsers
 * log as a console error.
 */
function WatchOne({ entry, onDone }: { entry: WatchEntry; onDone: (key: string) => void }) {
  const notify = useToast()
  const queryClient = useQueryClient()
  const isStop = entry.action === 'stop'
  const every = useLiveMode() === 'live' ? LIVE_SAFETY_POLL_MS : TRANSITION_POLL_MS
  const detail = useQuery({
    ...workloadQueries.detail(entry.ref),
    refetchInterval: every,
    retry: false,
    enabled: isStop,
  })
  const list = useQuery({
    ...workloadQueries.list(entry.ref.kind, { target: entry.ref.target, q: entry.name }),
    refetchInterval: every,
    enabled: !isStop,
  })
  const key = refKey(entry.ref)
  const listed: Workload | undefined = list.data?.items.find((w) => refKey(w) === key)
  const workload = isStop ? detail.data?.workload : listed
  const gone = !isStop && list.isSuccess && !list.isPlaceholderData && listed === undefined
  const updatedAt = isStop ? detail.dataUpdatedAt : list.dataUpdatedAt
  useEffect(() => {
    if (!updatedAt) return
    const outcome = evaluateOutcome(
      entry.action,
      entry.name,
      workload,
      gone,
      Date.now() - entry.since,
      entry.intentAt,
    )
    if (!outcome.done) return
    notify({
      tone: outcome.tone,
      title: outcome.title,
      ...(outcome.body ? { body: outcome.body } : {}),
    })
    onDone(key)
    void queryClient.invalidateQueries({ queryKey: workloadKeys.lists() })
  }, [workload, gone, updatedAt, entry, key, notify, onDone, queryClient])
  return null
}

export function ActionWatchProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<Map<string, WatchEntry>>(new Map())
  const watch = useCallback((list: Omit<WatchEntry, 'since'>[]) => {
    setEntries((old) => {
      const next = new Map(old)
      for (const e of list) next.set(refKey(e.ref), { ...e, since: Date.now() })
      return next
    })
  }, [])
  const done = useCallback((key: string) => {
    setEntries((old) => {
      const next = new Map(old)
      next.delete(key)
      return next
    })
  }, [])
  const value = useMemo(() => {
    const pending = new Map([...entries].map(([key, e]) => [key, e.action] as const))
    return { watch, watching: entries.size, pending }
  }, [watch, entries])
  return (
    <ActionWatchContext value={value}>
      {children}
      {[...entries.entries()].map(([key, entry]) => (
        <WatchOne key={key} entry={entry} onDone={done} />
      ))}
    </ActionWatchContext>
  )
}
