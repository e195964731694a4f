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

/** What a row and a card both show and do; `itemProps` fills it from the list's props. */
export interface WorkloadItemProps {
  workload: Workload
  rowKey: string
  index: number
  selectable: boolean
  selected: boolean
  /** An accepted stop/delete of ours that has not finished yet. */
  pendingAction: WorkloadAction | undefined
  now: number
  onToggle: (w: Workload) => void
  onOpen: (key: string) => void
  onAction: (w: Workload, action: WorkloadAction) => void
}

interface ListLike {
  selectable: boolean
  selected: ReadonlyMap<string, Workload>
  pending: ReadonlyMap<string, WorkloadAction>
  now: number
  onToggle: (w: Workload) => void
  onOpen: (key: string) => void
  onAction: (w: Workload, action: WorkloadAction) => void
}

export function itemProps(p: ListLike, w: Workload, key: string, index: number): WorkloadItemProps {
  return {
    workload: w,
    rowKey: key,
    index,
    selectable: p.selectable,
    selected: p.selected.has(key),
    pendingAction: p.pending.get(key),
    now: p.now,
    onToggle: p.onToggle,
    onOpen: p.onOpen,
    onAction: p.onAction,
  }
}

/** Stop and Delete, each named after the workload ("Stop orders-etl") for screen readers. */
export function RowActions({
  workload: w,
  onAction,
  size = 'sm',
}: {
  workload: Workload
  onAction: (w: Workload, action: WorkloadAction) => void
  size?: 'sm' | 'md'
}) {
  return (
    <span className={`flex ${size === 'sm' ? 'gap-1' : 'gap-2'}`}>
      <ActionButton
        size={size}
        availability={w.actions.stop}
        onClick={() => onAction(w, 'stop')}
        label={`Stop ${w.name}`}
      >
        Stop
      </ActionButton>
      <ActionButton
        size={size}
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
