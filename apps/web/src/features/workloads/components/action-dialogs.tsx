import type { Workload, WorkloadAction } from '@ops-console/contracts'
import { BulkDialog } from './bulk-dialog.js'
import { DeleteDialog } from './delete-dialog.js'
import { StopDialog } from './stop-dialog.js'

export type PendingAction =
  | { kind: 'single'; workload: Workload; action: WorkloadAction }
  | { kind: 'bulk'; workloads: Workload[]; action: WorkloadAction }

/** One dialog for the whole page (not one per row), fed by whichever row or toolbar asked. */
export function ActionDialogs({
  pending,
  onClose,
  onBulkSubmitted,
  returnFocusTo,
}: {
  pending: PendingAction | null
  onClose: () => void
  onBulkSubmitted: () => void
  /** Where focus goes when the control that opened the dialog is gone (its row). */
  returnFocusTo: (w: Workload | null) => HTMLElement | null
}) {
  if (!pending) return null
  const onOpenChange = (open: boolean) => (open ? undefined : onClose())
  if (pending.kind === 'bulk') {
    return (
      <BulkDialog
        open
        action={pending.action}
        workloads={pending.workloads}
        onOpenChange={onOpenChange}
        onSubmitted={onBulkSubmitted}
        returnFocusTo={() => returnFocusTo(null)}
      />
    )
  }
  const props = {
    open: true,
    workload: pending.workload,
    onOpenChange,
    returnFocusTo: () => returnFocusTo(pending.workload),
  }
  return pending.action === 'stop' ? <StopDialog {...props} /> : <DeleteDialog {...props} />
}
