import type { ActionResult, Workload } from '@ops-console/contracts'
import { formatNumber } from '../../../lib/count.js'
import { refKey } from '../api/workload-queries.js'
import { ActionErrorText } from './action-error.js'

const STATUS_TEXT: Record<ActionResult['status'], string> = {
  accepted: 'accepted',
  skipped: 'skipped',
  failed: 'failed',
}
const STATUS_TONE: Record<ActionResult['status'], string> = {
  accepted: 'text-emerald-700 dark:text-emerald-300',
  skipped: 'text-slate-500 dark:text-slate-400',
  failed: 'text-red-700 dark:text-red-300',
}

/** Per-item outcome of a bulk action, including the items skipped before sending. */
export function BulkResults({
  results,
  workloads,
}: {
  results: ActionResult[]
  workloads: Workload[]
}) {
  const names = new Map(workloads.map((w) => [refKey(w), w.name]))
  const counts = { accepted: 0, skipped: 0, failed: 0 }
  for (const r of results) counts[r.status]++
  return (
    <div className="space-y-3">
      <p className="text-sm" role="status">
        {formatNumber(counts.accepted)} accepted · {formatNumber(counts.failed)} failed ·{' '}
        {formatNumber(counts.skipped)} skipped
      </p>
      <ul
        aria-label="Results"
        className="max-h-80 divide-y divide-slate-200 overflow-y-auto rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
      >
        {results.map((r) => (
          <li key={refKey(r.ref)} className="p-2 text-sm">
            <span className="font-medium">{names.get(refKey(r.ref)) ?? r.ref.id}</span>{' '}
            <span className="text-xs text-slate-500">({r.ref.target})</span>{' '}
            <span className={`font-semibold ${STATUS_TONE[r.status]}`}>
              {STATUS_TEXT[r.status]}
            </span>
            {r.error ? (
              <div>
                <ActionErrorText error={r.error} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
