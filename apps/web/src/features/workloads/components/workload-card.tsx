import { memo, type Ref } from 'react'
import { StateBadge } from '../../../components/ui/state-badge.js'
import { capitalize, formatShortDateTime, KIND_SINGULAR } from '../../../lib/format.js'
import { LastActionCell } from './last-action-cell.js'
import { ProtectedMarker } from './protected-marker.js'
import {
  ROW_FOCUS,
  RowActions,
  SelectBox,
  shownState,
  type WorkloadItemProps,
} from './row-parts.js'

export interface WorkloadCardProps extends WorkloadItemProps {
  /** The virtualiser measures each card (their heights differ). */
  measureRef: Ref<HTMLLIElement>
}

/** A row on a phone: name, state and the actions first; kind, target and times below. */
export const WorkloadCard = memo(function WorkloadCard(p: WorkloadCardProps) {
  const w = p.workload
  return (
    <li
      ref={p.measureRef}
      data-key={p.rowKey}
      data-index={p.index}
      tabIndex={-1}
      aria-label={w.name}
      className={`border-b border-slate-200 p-3 dark:border-slate-700 ${ROW_FOCUS}`}
    >
      <div className="flex items-start gap-2">
        {p.selectable ? (
          <span className="pt-0.5">
            <SelectBox workload={w} selected={p.selected} onToggle={p.onToggle} />
          </span>
        ) : null}
        <div className="min-w-0 flex-1">
          <button
            type="button"
            className="text-left font-medium break-all text-teal-800 hover:underline dark:text-teal-300"
            onClick={() => p.onOpen(p.rowKey)}
          >
            {w.name}
          </button>
          {w.protected ? <ProtectedMarker /> : null}
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {capitalize(KIND_SINGULAR[w.kind])} · {w.target} · {formatShortDateTime(w.startedAt)}
          </p>
        </div>
        <StateBadge state={shownState(w, p.pendingAction)} rawStatus={w.rawStatus} />
      </div>
      {w.lastAction ? (
        <div className="mt-2">
          <LastActionCell last={w.lastAction} now={p.now} />
        </div>
      ) : null}
      <div className="mt-2 flex justify-end">
        <RowActions workload={w} onAction={p.onAction} />
      </div>
    </li>
  )
})
