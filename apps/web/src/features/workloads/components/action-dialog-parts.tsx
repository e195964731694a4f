import type { ActionResult, Workload, WorkloadAction, WorkloadKind } from '@ops-console/contracts'
import type { ReactNode } from 'react'
import { Button } from '../../../components/ui/button.js'
import { DialogClose } from '../../../components/ui/dialog.js'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { onlyFieldErrors } from '../../../lib/api-error.js'
import { capitalize, KIND_SINGULAR } from '../../../lib/format.js'
import { ActionErrorPanel } from './action-error.js'
import { explanationsFor } from './action-explanations.js'

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
      {capitalize(KIND_SINGULAR[workload.kind])}{' '}
      <strong className="font-semibold break-all">{workload.name}</strong> in target{' '}
      <strong className="font-semibold">{workload.target}</strong> {effect}
    </>
  )
}

/** What the verb does in this service (one line per kind), and a warning for protected ones. */
export function ActionNotes({
  action,
  kinds,
  protectedCount,
}: {
  action: WorkloadAction
  kinds: Iterable<WorkloadKind>
  protectedCount: number
}) {
  return (
    <div className="space-y-2">
      <ul aria-label={`What ${action} does`} className="space-y-1 text-sm">
        {explanationsFor(kinds, action).map((line) => (
          <li key={line} className="rounded-md bg-slate-100 px-3 py-2 dark:bg-slate-800">
            {line}
          </li>
        ))}
      </ul>
      {protectedCount > 0 ? (
        <p
          role="note"
          className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
        >
          <strong>Protected.</strong>{' '}
          {protectedCount === 1
            ? 'This workload matches a protected pattern: only admins may act on it. Make sure you mean it.'
            : `${protectedCount} of these workloads match a protected pattern: only admins may act on them. Make sure you mean it.`}
        </p>
      ) : null}
    </div>
  )
}

interface ActionFormFooterProps {
  /** Title of the panel for a request that failed before the BFF answered with a result. */
  errorTitle: string
  error: unknown
  /** Fields that show the API's message next to themselves (no panel needed for those). */
  fieldsShown?: readonly string[]
  /** A result the BFF returned but did not accept (cloud code, message, request id). */
  failed?: ActionResult | null
  pending: boolean
  canSubmit: boolean
  submitLabel: string
  pendingLabel: string
}

/** Errors, then Cancel and the danger submit button, shared by the stop, delete and bulk forms. */
export function ActionFormFooter({
  errorTitle,
  error,
  fieldsShown = [],
  failed,
  pending,
  canSubmit,
  submitLabel,
  pendingLabel,
}: ActionFormFooterProps) {
  const panel = error && !onlyFieldErrors(error, fieldsShown)
  return (
    <>
      {panel ? <ErrorPanel title={errorTitle} error={error} /> : null}
      {failed?.error ? <ActionErrorPanel error={failed.error} /> : null}
      <div className="flex flex-wrap justify-end gap-2">
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
