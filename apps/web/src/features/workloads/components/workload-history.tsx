import type { WorkloadAuditEntry } from '@ops-console/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { Loading } from '../../../components/ui/states.js'
import { formatDateTime } from '../../../lib/format.js'
import { workloadHistoryQueries } from '../api/workload-history-queries.js'
import type { WorkloadRefLike } from '../api/workload-queries.js'

const outcomeText = (e: WorkloadAuditEntry) =>
  [e.outcome?.outcome ?? 'pending', e.finalState, e.outcome?.cloudCode].filter(Boolean).join(' · ')

/** Every audited action on this workload, newest first, with its HTTP status and cloud request id. */
export function WorkloadHistory({ workloadRef }: { workloadRef: WorkloadRefLike }) {
  const history = useQuery({
    ...workloadHistoryQueries.history(workloadRef),
    refetchInterval: 5000,
  })
  return (
    <section aria-label="History">
      <h3 className="mb-1 text-sm font-semibold">History</h3>
      {history.isPending ? <Loading label="Loading history…" /> : null}
      {history.isError ? (
        <ErrorPanel error={history.error} onRetry={() => void history.refetch()} />
      ) : null}
      {history.data?.items.length === 0 ? (
        <p className="text-sm text-slate-500">No action was taken on this workload here.</p>
      ) : null}
      {history.data?.items.length ? (
        <ol className="space-y-1 text-sm">
          {history.data.items.map((e) => (
            <li key={e.id} className="border-l-2 border-slate-200 pl-2 dark:border-slate-700">
              <span className="font-mono text-xs">{e.action}</span> by {e.actor} at{' '}
              {formatDateTime(e.at)}: {outcomeText(e)}
              <span className="block text-xs text-slate-500">
                “{e.reason}” · HTTP {e.httpStatus ?? '—'} · cloud request id{' '}
                <span className="font-mono">{e.upstreamRequestId ?? '—'}</span>
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      {history.data?.more ? (
        <Link
          to="/audit"
          search={{ kind: workloadRef.kind, q: workloadRef.id }}
          className="text-sm text-teal-800 hover:underline dark:text-teal-300"
        >
          Older actions in the audit log
        </Link>
      ) : null}
    </section>
  )
}
