import type { Workload } from '@ops-console/contracts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useLiveMode } from '../../../lib/live-mode.js'
import {
  refKey,
  workloadKeys,
  workloadQueries,
  type WorkloadRefLike,
} from '../api/workload-queries.js'
import { evaluateOutcome, type ActionSubject, type Outcome } from './outcome.js'

/** Polling interval while an accepted action has not reached its outcome. */
export const TRANSITION_POLL_MS = 1500
/** While live the stream brings the outcome; this slow poll is only a safety net. */
export const LIVE_SAFETY_POLL_MS = 10_000

export interface WatchEntry extends ActionSubject {
  ref: WorkloadRefLike
  since: number
  intentAt?: string | undefined
  /** Set for items of a bulk action: their outcomes are summed up in one toast. */
  batchId?: number | undefined
}

/**
 * Follows one accepted action until its outcome shows, then reports it. A stop polls the detail;
 * a delete polls a narrow list query, because a gone workload's detail is a 404 that browsers
 * log as a console error.
 */
export function WatchOne({
  entry,
  onDone,
}: {
  entry: WatchEntry
  onDone: (entry: WatchEntry, outcome: Extract<Outcome, { done: true }>) => void
}) {
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
    const outcome = evaluateOutcome(entry, workload, gone, Date.now() - entry.since, entry.intentAt)
    if (!outcome.done) return
    onDone(entry, outcome)
    void queryClient.invalidateQueries({ queryKey: workloadKeys.lists() })
  }, [workload, gone, updatedAt, entry, onDone, queryClient])
  return null
}
