import type { LastAction } from '@ops-console/contracts'
import { formatAgo, formatDateTime } from '../../../lib/format.js'
import { notConfirmed as isNotConfirmed } from '../hooks/outcome.js'

const VERB: Record<LastAction['action'], string> = { stop: 'Stopped', delete: 'Deleted' }

/** Who last acted on the workload, when, and why. */
export function LastActionCell({
  last,
  now,
}: {
  last: LastAction | null | undefined
  now: number
}) {
  if (!last) return <span className="text-slate-400">—</span>
  const at = Date.parse(last.at)
  const notConfirmed = isNotConfirmed(last.outcome)
  return (
    <div
      className="min-w-0 text-xs"
      title={`${VERB[last.action]} by ${last.actor} at ${formatDateTime(last.at)}: ${last.reason}`}
    >
      {/* Wraps rather than hiding under the sticky actions column; the reason keeps two lines. */}
      <div className="wrap-anywhere">
        {VERB[last.action]} by <span className="font-medium">{last.actor}</span> ·{' '}
        {Number.isNaN(at) ? last.at : formatAgo(at, now)}
        {notConfirmed ? (
          <span className="ml-1 font-medium text-amber-700 dark:text-amber-300">
            ({last.action} not confirmed)
          </span>
        ) : null}
        {last.outcome === 'failure' ? (
          <span className="ml-1 font-medium text-red-700 dark:text-red-300">(failed)</span>
        ) : null}
      </div>
      <div className="line-clamp-2 text-slate-600 wrap-anywhere dark:text-slate-400">
        “{last.reason}”
      </div>
    </div>
  )
}
