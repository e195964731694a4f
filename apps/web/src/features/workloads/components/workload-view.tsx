import type { Workload, WorkloadAction } from '@ops-console/contracts'
import { useMediaQuery, WIDE_LIST } from '../../../lib/use-media-query.js'
import type { ListScope } from '../api/workload-queries.js'
import type { SortValue } from './sort-header.js'
import type { FocusRequest } from './use-focus-row.js'
import { WorkloadCards } from './workload-cards.js'
import { WorkloadTable } from './workload-table.js'

export interface WorkloadViewProps {
  scope: ListScope
  items: Workload[]
  sort: SortValue | undefined
  onSort: (s: SortValue) => void
  selectable: boolean
  selected: ReadonlyMap<string, Workload>
  onToggle: (w: Workload) => void
  onSelectAll: (ws: Workload[]) => void
  onDeselectAll: (ws: Workload[]) => void
  onOpen: (key: string) => void
  onAction: (w: Workload, action: WorkloadAction) => void
  pending: ReadonlyMap<string, WorkloadAction>
  now: number
  /** Move focus to a row (keyboard j/k); null until the first request. */
  focusRequest: FocusRequest | null
}

/** A table from tablet width on; cards on a phone, where a table would scroll sideways. */
export function WorkloadView(p: WorkloadViewProps) {
  const wide = useMediaQuery(WIDE_LIST)
  return wide ? <WorkloadTable {...p} /> : <WorkloadCards {...p} />
}
