import {
  TERMINAL_STATES,
  type Workload,
  type WorkloadAction,
  type WorkloadState,
} from '@ops-console/contracts'
import { ActionButton } from '../../../components/ui/action-button.js'

/**
 * While our accepted action is in flight the row says so, even if the cloud still reports the
 * old state (a DLI job keeps "running" while its savepoint is written before the stop).
 */
export function shownState(w: Workload, pending: WorkloadAction | undefined): WorkloadState {
  if (!pending || TERMINAL_STATES.includes(w.state)) return w.state
  return pending === 'stop' ? 'stopping' : 'deleting'
}

/** Stop and Delete, each named after the workload ("Stop orders-etl") for screen readers. */
export function RowActions({
  workload: w,
  onAction,
}: {
  workload: Workload
  onAction: (w: Workload, action: WorkloadAction) => void
}) {
  return (
    <span className="flex gap-1">
      <ActionButton
        availability={w.actions.stop}
        onClick={() => onAction(w, 'stop')}
        label={`Stop ${w.name}`}
      >
        Stop
      </ActionButton>
      <ActionButton
        availability={w.actions.delete}
        variant="ghost"
        onClick={() => onAction(w, 'delete')}
        label={`Delete ${w.name}`}
      >
        Delete
      </ActionButton>
    </span>
  )
}

export function SelectBox({
  workload: w,
  selected,
  onToggle,
}: {
  workload: Workload
  selected: boolean
  onToggle: (w: Workload) => void
}) {
  return (
    <input
      type="checkbox"
      className="size-4 accent-teal-700"
      aria-label={`Select ${w.name}`}
      checked={selected}
      onChange={() => onToggle(w)}
    />
  )
}

/** Rows and cards are focus targets for j/k; the focused one is outlined. */
export const ROW_FOCUS =
  'outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-teal-600'
