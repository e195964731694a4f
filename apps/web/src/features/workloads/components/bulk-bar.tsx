import type { WorkloadAction } from '@ops-console/contracts'
import { Button } from '../../../components/ui/button.js'
import { formatNumber } from '../../../lib/count.js'

/** Appears once rows are selected: bulk stop/delete and clearing the selection. */
export function BulkBar({
  count,
  onAction,
  onClear,
}: {
  count: number
  onAction: (a: WorkloadAction) => void
  onClear: () => void
}) {
  if (count === 0) return null
  return (
    <div className="flex items-center gap-2" role="group" aria-label="Bulk actions">
      <span className="font-medium">{formatNumber(count)} selected</span>
      <Button size="sm" variant="danger" onClick={() => onAction('stop')}>
        Stop selected
      </Button>
      <Button size="sm" onClick={() => onAction('delete')}>
        Delete selected
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  )
}
