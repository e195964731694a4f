import { memo, type Ref } from 'react'
import { StateBadge } from '../../../components/ui/state-badge.js'
import { formatDateTime, formatShortDateTime, KIND_SINGULAR } from '../../../lib/format.js'
import { extraValue, type ExtraColumn } from './kind-columns.js'
import { LastActionCell } from './last-action-cell.js'
import { ProtectedMarker } from './protected-marker.js'
import {
  ROW_FOCUS,
  RowActions,
  SelectBox,
  shownState,
  type WorkloadItemProps,
} from './row-parts.js'

export interface WorkloadRowProps extends WorkloadItemProps {
  showKind: boolean
  extraColumns: ExtraColumn[]
  /** The virtualiser measures rows: one with a last action wraps to more lines. */
  measureRef?: Ref<HTMLTableRowElement>
}

const td = 'px-2 py-2 align-middle'

export const WorkloadRow = memo(function WorkloadRow(p: WorkloadRowProps) {
  const w = p.workload
  return (
    <tr
      ref={p.measureRef}
      className={`border-b border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50 ${ROW_FOCUS}`}
      data-key={p.rowKey}
      data-index={p.index}
      tabIndex={-1}
    >
      {p.selectable ? (
        <td className={`${td} w-8`}>
          <SelectBox workload={w} selected={p.selected} onToggle={p.onToggle} />
        </td>
      ) : null}
      {/* Truncating cells are as wide as their max width: keep them narrow below 2xl. */}
      <td className={`${td} max-w-44 2xl:max-w-64`}>
        <button
          type="button"
          title={w.name}
          className="block max-w-full truncate text-left font-medium text-teal-800 hover:underline dark:text-teal-300"
          onClick={() => p.onOpen(p.rowKey)}
        >
          {w.name}
        </button>
        <span className="block truncate font-mono text-xs text-slate-600 dark:text-slate-400">
          {w.id}
          {w.protected ? <ProtectedMarker /> : null}
        </span>
      </td>
      {p.showKind ? <td className={`${td} whitespace-nowrap`}>{KIND_SINGULAR[w.kind]}</td> : null}
      {p.extraColumns.map((c) => (
        <td key={c.label} className={`${td} max-w-24 truncate text-xs 2xl:max-w-36`}>
          {extraValue(w, c)}
        </td>
      ))}
      <td className={td}>
        <StateBadge state={shownState(w, p.pendingAction)} rawStatus={w.rawStatus} />
      </td>
      <td className={`${td} text-xs whitespace-nowrap`}>{w.target}</td>
      <td className={`${td} text-xs`} title={formatDateTime(w.startedAt)}>
        {formatShortDateTime(w.startedAt)}
      </td>
      <td className={`${td} max-w-56 min-w-28`}>
        <LastActionCell last={w.lastAction} now={p.now} />
      </td>
      {/* Sticky so the actions stay reachable when many columns scroll sideways. */}
      <td className={`${td} sticky right-0 bg-white whitespace-nowrap dark:bg-slate-900`}>
        <RowActions workload={w} onAction={p.onAction} />
      </td>
    </tr>
  )
})
