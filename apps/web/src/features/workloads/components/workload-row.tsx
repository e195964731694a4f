import {
  TERMINAL_STATES,
  type Workload,
  type WorkloadAction,
  type WorkloadState,
} from '@ops-console/contracts'
import { memo } from 'react'
import { ActionButton } from '../../../components/ui/action-button.js'
import { StateBadge } from '../../../components/ui/state-badge.js'
import { formatDateTime, formatShortDateTime, KIND_SINGULAR } from '../../../lib/format.js'
import { extraValue, type ExtraColumn } from './kind-columns.js'
import { LastActionCell } from './last-action-cell.js'

export interface WorkloadRowProps {
  workload: Workload
  rowKey: string
  showKind: boolean
  extraColumns: ExtraColumn[]
  selectable: boolean
  selected: boolean
  /** An accepted stop/delete of ours that has not finished yet. */
  pendingAction: WorkloadAction | undefined
  now: number
  onToggle: (w: Workload) => void
  onOpen: (key: string) => void
  onAction: (w: Workload, action: WorkloadAction) => void
}

const td = 'px-2.5 py-2 align-middle'

/**
 * While our accepted action is in flight the row says so, even if the cloud still reports the
 * old state (a DLI job keeps "running" while its savepoint is written before the stop).
 */
function shownState(w: Workload, pending: WorkloadAction | undefined): WorkloadState {
  if (!pending || TERMINAL_STATES.includes(w.state)) return w.state
  return pending === 'stop' ? 'stopping' : 'deleting'
}

export const WorkloadRow = memo(function WorkloadRow(p: WorkloadRowProps) {
  const w = p.workload
  return (
    <tr
      className="border-b border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50"
      data-key={p.rowKey}
    >
      {p.selectable ? (
        <td className={`${td} w-8`}>
          <input
            type="checkbox"
            className="size-4 accent-teal-700"
            aria-label={`Select ${w.name}`}
            checked={p.selected}
            onChange={() => p.onToggle(w)}
          />
        </td>
      ) : null}
      <td className={`${td} max-w-64`}>
        <button
          type="button"
          className="block max-w-full truncate text-left font-medium text-teal-800 hover:underline dark:text-teal-300"
          onClick={() => p.onOpen(p.rowKey)}
        >
          {w.name}
        </button>
        <span className="block truncate font-mono text-xs text-slate-500 dark:text-slate-400">
          {w.id}
        </span>
      </td>
      {p.showKind ? <td className={`${td} whitespace-nowrap`}>{KIND_SINGULAR[w.kind]}</td> : null}
      {p.extraColumns.map((c) => (
        <td key={c.label} className={`${td} max-w-36 truncate text-xs`}>
          {extraValue(w, c)}
        </td>
      ))}
      <td className={td}>
        <StateBadge state={shownState(w, p.pendingAction)} rawStatus={w.rawStatus} />
      </td>
      <td className={`${td} whitespace-nowrap`}>{w.target}</td>
      <td className={`${td} whitespace-nowrap text-xs`} title={formatDateTime(w.startedAt)}>
        {formatShortDateTime(w.startedAt)}
      </td>
      <td className={`${td} max-w-52`}>
        <LastActionCell last={w.lastAction} now={p.now} />
      </td>
      {/* Sticky so the actions stay reachable when many columns scroll sideways. */}
      <td className={`${td} sticky right-0 bg-white whitespace-nowrap dark:bg-slate-900`}>
        <span className="flex gap-1">
          <ActionButton
            availability={w.actions.stop}
            onClick={() => p.onAction(w, 'stop')}
            label={`Stop ${w.name}`}
          >
            Stop
          </ActionButton>
          <ActionButton
            availability={w.actions.delete}
            variant="ghost"
            onClick={() => p.onAction(w, 'delete')}
            label={`Delete ${w.name}`}
          >
            Delete
          </ActionButton>
        </span>
      </td>
    </tr>
  )
})
