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
}: {
  pending: PendingAction | null
  onClose: () => void
  onBulkSubmitted: () => void
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
      />
    )
  }
  return pending.action === 'stop' ? (
    <StopDialog open workload={pending.workload} onOpenChange={onOpenChange} />
  ) : (
    <DeleteDialog open workload={pending.workload} onOpenChange={onOpenChange} />
  )
}
