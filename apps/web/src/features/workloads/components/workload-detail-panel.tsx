import type { Workload, WorkloadAction } from '@ops-console/contracts'
import { useQuery } from '@tanstack/react-query'
import { Dialog } from '../../../components/ui/dialog.js'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { StateBadge } from '../../../components/ui/state-badge.js'
import { Loading } from '../../../components/ui/states.js'
import { capitalize, formatDateTime, KIND_SINGULAR } from '../../../lib/format.js'
import { workloadQueries, type WorkloadRefLike } from '../api/workload-queries.js'
import { ProtectedMarker } from './protected-marker.js'
import { RowActions } from './row-parts.js'
import { WorkloadHistory } from './workload-history.js'

interface DetailPanelProps {
  workloadRef: WorkloadRefLike
  onClose: () => void
  onAction: (w: Workload, action: WorkloadAction) => void
}

/** One workload with its normalized fields and the raw cloud record. */
export function WorkloadDetailPanel({ workloadRef, onClose, onAction }: DetailPanelProps) {
  const detail = useQuery({ ...workloadQueries.detail(workloadRef), refetchInterval: 5000 })
  const w = detail.data?.workload
  const raw: unknown = detail.data?.raw
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onClose())}
      wide
      title={w?.name ?? workloadRef.id}
    >
      {detail.isPending ? <Loading /> : null}
      {detail.isError ? (
        <ErrorPanel error={detail.error} onRetry={() => void detail.refetch()} />
      ) : null}
      {w ? (
        <div className="space-y-4">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-slate-500">Kind</dt>
            <dd>
              {capitalize(KIND_SINGULAR[w.kind])}
              {w.protected ? <ProtectedMarker /> : null}
            </dd>
            <dt className="text-slate-500">Target</dt>
            <dd>{w.target}</dd>
            <dt className="text-slate-500">Id</dt>
            <dd className="font-mono break-all">{w.id}</dd>
            <dt className="text-slate-500">State</dt>
            <dd>
              <StateBadge state={w.state} />{' '}
              <span className="ml-1 font-mono text-xs">{w.rawStatus}</span>
            </dd>
            <dt className="text-slate-500">Owner</dt>
            <dd>{w.owner ?? '—'}</dd>
            <dt className="text-slate-500">Started</dt>
            <dd>{formatDateTime(w.startedAt)}</dd>
            <dt className="text-slate-500">Updated</dt>
            <dd>{formatDateTime(w.updatedAt)}</dd>
            {w.lastAction ? (
              <>
                <dt className="text-slate-500">Last action</dt>
                <dd>
                  {w.lastAction.action === 'stop' ? 'Stopped' : 'Deleted'} by {w.lastAction.actor}{' '}
                  at {formatDateTime(w.lastAction.at)}
                  {w.lastAction.outcome ? ` (${w.lastAction.outcome})` : ''} — “
                  {w.lastAction.reason}”
                </dd>
              </>
            ) : null}
            {Object.entries(w.extra).map(([k, v]) => (
              <FragmentRow key={k} label={k} value={v === null ? '—' : String(v)} />
            ))}
          </dl>
          <RowActions workload={w} onAction={onAction} size="md" />
          <WorkloadHistory workloadRef={workloadRef} />
          <section>
            <h3 className="mb-1 text-sm font-semibold">Raw cloud fields</h3>
            <pre className="max-h-80 overflow-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-950">
              {JSON.stringify(raw, null, 2)}
            </pre>
          </section>
        </div>
      ) : null}
    </Dialog>
  )
}

function FragmentRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-all">{value}</dd>
    </>
  )
}
