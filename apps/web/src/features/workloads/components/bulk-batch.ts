import type { ActionResult, Workload, WorkloadAction } from '@ops-console/contracts'
import { refKey } from '../api/workload-queries.js'
import type { BatchItem } from '../hooks/batch-summary.js'

/** Items that can't take the action are not sent; they are reported as skipped with the reason. */
export function skippedLocally(ineligible: Workload[], action: WorkloadAction): ActionResult[] {
  return ineligible.map((w) => ({
    ref: { kind: w.kind, target: w.target, id: w.id },
    ok: false,
    auditId: null,
    status: 'skipped' as const,
    error: { code: 'ACTION_NOT_ALLOWED', message: w.actions[action].reason ?? 'Not eligible' },
  }))
}

const STATUS: Record<ActionResult['status'], BatchItem['status']> = {
  accepted: 'waiting',
  failed: 'refused',
  skipped: 'skipped',
}

/** The bulk answer as a batch to follow: accepted items are watched, the rest settled already. */
export function batchItems(
  action: WorkloadAction,
  results: ActionResult[],
  workloads: Workload[],
): (BatchItem & { intentAt?: string })[] {
  const byKey = new Map(workloads.map((w) => [refKey(w), w]))
  return results.map((r) => {
    const w = byKey.get(refKey(r.ref))
    const intentAt = r.workload?.lastAction?.at
    return {
      ref: r.ref,
      action,
      kind: r.ref.kind,
      target: r.ref.target,
      name: w?.name ?? r.ref.id,
      status: STATUS[r.status],
      detail: r.error?.message,
      ...(intentAt ? { intentAt } : {}),
    }
  })
}
