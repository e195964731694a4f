import type { Workload, WorkloadAction } from '@ops-console/contracts'
import { useState, type FormEvent } from 'react'
import { Dialog, DialogDone } from '../../../components/ui/dialog.js'
import { Field } from '../../../components/ui/field.js'
import { fieldError } from '../../../lib/api-error.js'
import { formatNumber, noun, WORKLOADS } from '../../../lib/count.js'
import { useBulkAction } from '../api/use-bulk-action.js'
import { useActionWatch } from '../hooks/action-watch.js'
import { ActionFormFooter, ActionNotes } from './action-dialog-parts.js'
import { batchItems, skippedLocally } from './bulk-batch.js'
import { BulkItemList } from './bulk-item-list.js'
import { BulkResults } from './bulk-results.js'
import { isValidReason, ReasonField } from './reason-field.js'

/** The BFF accepts at most this many items per bulk call (contracts: BulkStopBody). */
export const BULK_MAX = 100
const DELETE_WORD = 'DELETE'

interface BulkDialogProps {
  action: WorkloadAction
  workloads: Workload[]
  open: boolean
  onOpenChange: (open: boolean) => void
  onSubmitted?: () => void
  returnFocusTo?: () => HTMLElement | null
}

export function BulkDialog({
  action,
  workloads,
  open,
  onOpenChange,
  onSubmitted,
  returnFocusTo,
}: BulkDialogProps) {
  const verb = action === 'stop' ? 'Stop' : 'Delete'
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      wide
      {...(returnFocusTo ? { returnFocusTo } : {})}
      title={`${verb} ${formatNumber(workloads.length)} selected ${noun(workloads.length, WORKLOADS)}`}
    >
      <BulkForm action={action} workloads={workloads} {...(onSubmitted ? { onSubmitted } : {})} />
    </Dialog>
  )
}

function BulkForm({
  action,
  workloads,
  onSubmitted,
}: {
  action: WorkloadAction
  workloads: Workload[]
  onSubmitted?: () => void
}) {
  const bulk = useBulkAction()
  const { watchBatch } = useActionWatch()
  const [reason, setReason] = useState('')
  const [savepoint, setSavepoint] = useState(false)
  const [typed, setTyped] = useState('')
  const eligible = workloads.filter((w) => w.actions[action].allowed)
  const ineligible = workloads.filter((w) => !w.actions[action].allowed)
  const anyDli = eligible.some((w) => w.kind === 'dli-flink-job')
  const tooMany = eligible.length > BULK_MAX
  const confirmed = action === 'stop' || typed === DELETE_WORD
  const canSubmit =
    eligible.length > 0 && !tooMany && confirmed && isValidReason(reason) && !bulk.isPending

  if (bulk.data) {
    return (
      <div className="space-y-4">
        <BulkResults
          results={[...bulk.data.results, ...skippedLocally(ineligible, action)]}
          workloads={workloads}
        />
        <p className="text-sm text-slate-600 dark:text-slate-300">
          One notification sums up the outcomes once the cloud has finished.
        </p>
        <DialogDone />
      </div>
    )
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!canSubmit) return
    const items = eligible.map((w) => ({
      kind: w.kind,
      target: w.target,
      id: w.id,
      confirmName: w.name,
    }))
    const extra = action === 'stop' && anyDli ? { triggerSavepoint: savepoint } : {}
    bulk.mutate(
      { action, items, reason: reason.trim(), ...extra },
      {
        onSuccess: (res) => {
          const results = [...res.results, ...skippedLocally(ineligible, action)]
          watchBatch(action, batchItems(action, results, workloads))
          onSubmitted?.()
        },
      },
    )
  }
  const verb = action === 'stop' ? 'Stop' : 'Delete'
  return (
    <form onSubmit={submit} className="space-y-4">
      <BulkItemList action={action} workloads={workloads} />
      {eligible.length === 0 ? (
        <p className="text-sm font-medium">
          None of the selected workloads can be {action === 'stop' ? 'stopped' : 'deleted'}.
        </p>
      ) : null}
      {tooMany ? (
        <p className="text-sm font-medium text-red-700 dark:text-red-300">
          Select at most {BULK_MAX} eligible workloads at once.
        </p>
      ) : null}
      <ReasonField
        value={reason}
        onChange={setReason}
        disabled={bulk.isPending}
        error={fieldError(bulk.error, 'reason')}
      />
      {action === 'stop' && anyDli ? (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4 accent-teal-700"
            checked={savepoint}
            onChange={(e) => setSavepoint(e.target.checked)}
          />
          Trigger savepoint (DLI Flink jobs)
        </label>
      ) : null}
      <ActionNotes
        action={action}
        kinds={eligible.map((w) => w.kind)}
        protectedCount={eligible.filter((w) => w.protected).length}
      />
      {action === 'delete' ? (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Each name above is sent as that item&apos;s confirmation: an item whose name no longer
            matches is refused, not deleted.
          </p>
          <Field
            label={`Type ${DELETE_WORD} to confirm`}
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </>
      ) : null}
      <ActionFormFooter
        errorTitle="Bulk action failed"
        error={bulk.error}
        fieldsShown={['reason']}
        pending={bulk.isPending}
        canSubmit={canSubmit}
        submitLabel={`${verb} ${formatNumber(eligible.length)}`}
        pendingLabel="Working…"
      />
    </form>
  )
}
