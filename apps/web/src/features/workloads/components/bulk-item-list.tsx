import type { Workload, WorkloadAction } from '@ops-console/contracts'
import { StateBadge } from '../../../components/ui/state-badge.js'
import { KIND_SINGULAR } from '../../../lib/format.js'
import { refKey } from '../api/workload-queries.js'

/**
 * Every selected item; the ones that can't take the action are marked and will be skipped. Names
 * are shown whole and exactly (no ellipsis, spaces kept): for a delete each one is the
 * confirmation sent for that item.
 */
export function BulkItemList({
  action,
  workloads,
}: {
  action: WorkloadAction
  workloads: Workload[]
}) {
  return (
    <ul
      aria-label="Selected workloads"
      className="max-h-64 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
    >
      {workloads.map((w) => {
        const availability = w.actions[action]
        return (
          <li
            key={refKey(w)}
            className={`flex items-center justify-between gap-3 p-2 text-sm ${availability.allowed ? '' : 'bg-slate-50 text-slate-500 dark:bg-slate-800/60'}`}
          >
            <span className="min-w-0">
              <span
                data-testid="bulk-item-name"
                className="block font-medium break-all whitespace-pre-wrap"
              >
                {w.name}
              </span>
              <span className="text-xs text-slate-500 dark:text-slate-400">
                {KIND_SINGULAR[w.kind]} · {w.target}
              </span>
            </span>
            <span className="flex shrink-0 items-center gap-2">
              <StateBadge state={w.state} />
              {availability.allowed ? null : (
                <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs dark:bg-slate-700">
                  Skipped: {availability.reason ?? 'not eligible'}
                </span>
              )}
            </span>
          </li>
        )
      })}
    </ul>
  )
}
