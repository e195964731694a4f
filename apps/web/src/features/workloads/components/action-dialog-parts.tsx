import type { ActionResult, Workload } from '@ops-console/contracts'
import type { ReactNode } from 'react'
import { Button } from '../../../components/ui/button.js'
import { DialogClose } from '../../../components/ui/dialog.js'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { KIND_SINGULAR } from '../../../lib/format.js'
import { ActionErrorPanel } from './action-error.js'

/** "DLI Flink job **name** in target **t** will be …": the dialog names exactly what it acts on. */
export function WorkloadActionDescription({
  workload,
  effect,
}: {
  workload: Workload
  effect: ReactNode
}) {
  return (
    <>
      {KIND_SINGULAR[workload.kind]} <strong className="font-semibold">{workload.name}</strong> in
      target <strong className="font-semibold">{workload.target}</strong> {effect}
    </>
  )
}

interface ActionFormFooterProps {
  /** Title of the panel for a request that failed before the BFF answered with a result. */
  errorTitle: string
  error: unknown
  /** A result the BFF returned but did not accept (cloud code, message, request id). */
  failed: ActionResult | null
  pending: boolean
  canSubmit: boolean
  submitLabel: string
  pendingLabel: string
}

/** Errors, then Cancel and the danger submit button, shared by the stop and delete forms. */
export function ActionFormFooter({
  errorTitle,
  error,
  failed,
  pending,
  canSubmit,
  submitLabel,
  pendingLabel,
}: ActionFormFooterProps) {
  return (
    <>
      {error ? <ErrorPanel title={errorTitle} error={error} /> : null}
      {failed?.error ? <ActionErrorPanel error={failed.error} /> : null}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="danger" disabled={!canSubmit}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </div>
    </>
  )
}
