import type { WorkloadAction } from '@ops-console/contracts'
import { count, WORKLOADS } from '../../../lib/count.js'
import type { WorkloadRefLike } from '../api/workload-queries.js'
import type { ActionSubject, OutcomeResult } from './outcome.js'

/** `waiting`: accepted and followed; `refused`/`skipped`: settled when the bulk call answered. */
export type BatchItemStatus = 'waiting' | OutcomeResult | 'refused' | 'skipped'

export interface BatchItem extends ActionSubject {
  ref: WorkloadRefLike
  status: BatchItemStatus
  /** Why it was refused or skipped, or what the outcome said. */
  detail?: string | undefined
}

export interface Batch {
  id: number
  action: WorkloadAction
  items: BatchItem[]
}

const DONE_WORD: Record<WorkloadAction, string> = { stop: 'stopped', delete: 'deleted' }

export function isSettled(batch: Batch): boolean {
  return batch.items.every((i) => i.status !== 'waiting')
}

/** One toast for a whole bulk action: how many ended how, and where. */
export function summarizeBatch(batch: Batch): {
  title: string
  body: string
  tone: 'success' | 'error' | 'info'
} {
  const n = { done: 0, failed: 0, unconfirmed: 0, skipped: 0 }
  for (const i of batch.items) {
    if (i.status === 'done') n.done++
    else if (i.status === 'failed' || i.status === 'refused') n.failed++
    else if (i.status === 'unconfirmed' || i.status === 'waiting') n.unconfirmed++
    else n.skipped++
  }
  const parts = [
    n.done ? `${n.done} ${DONE_WORD[batch.action]}` : '',
    n.failed ? `${n.failed} failed` : '',
    n.unconfirmed ? `${n.unconfirmed} not confirmed` : '',
    n.skipped ? `${n.skipped} skipped` : '',
  ].filter(Boolean)
  const targets = [...new Set(batch.items.map((i) => i.target))].sort()
  const verb = batch.action === 'stop' ? 'Bulk stop' : 'Bulk delete'
  return {
    title: `${verb} of ${count(batch.items.length, WORKLOADS)} finished`,
    body: `${parts.join(' · ')}. Target${targets.length === 1 ? '' : 's'}: ${targets.join(', ')}.`,
    tone: n.failed ? 'error' : n.unconfirmed || n.skipped ? 'info' : 'success',
  }
}
