import type { ActionResult, Workload, WorkloadAction } from '@ops-console/contracts'
import { useState, type FormEvent } from 'react'
import { Button } from '../../../components/ui/button.js'
import { Dialog, DialogClose } from '../../../components/ui/dialog.js'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { Field } from '../../../components/ui/field.js'
import { useBulkAction } from '../api/use-bulk-action.js'
import { useActionWatch } from '../hooks/action-watch.js'
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
}

export function BulkDialog({
  action,
  workloads,
  open,
  onOpenChange,
  onSubmitted,
}: BulkDialogProps) {
  const verb = action === 'stop' ? 'Stop' : 'Delete'
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      wide
      title={`${verb} ${workloads.length} selected workload${workloads.length === 1 ? '' : 's'}`}
    >
      <BulkForm action={action} workloads={workloads} {...(onSubmitted ? { onSubmitted } : {})} />
    </Dialog>
  )
}

function skippedLocally(ineligible: Workload[], action: WorkloadAction): ActionResult[] {
  return ineligible.map((w) => ({
    ref: { kind: w.kind, target: w.target, id: w.id },
    ok: false,
    auditId: null,
    status: 'skipped' as const,
    error: { code: 'ACTION_NOT_ALLOWED', message: w.actions[action].reason ?? 'Not eligible' },
  }))
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
  const { watch } = useActionWatch()
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
        <div className="flex justify-end">
          <DialogClose asChild>
            <Button variant="primary">Done</Button>
          </DialogClose>
        </div>
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
    bulk.mutate(
      {
        action,
        items,
        reason: reason.trim(),
        ...(action === 'stop' && anyDli ? { triggerSavepoint: savepoint } : {}),
      },
      {
        onSuccess: (res) => {
          const byKey = new Map(eligible.map((w) => [`${w.kind}/${w.target}/${w.id}`, w.name]))
          const accepted = res.results.filter((r) => r.status === 'accepted')
          watch(
            accepted.map((r) => ({
              ref: r.ref,
              action,
              name: byKey.get(`${r.ref.kind}/${r.ref.target}/${r.ref.id}`) ?? r.ref.id,
              intentAt: r.workload?.lastAction?.at,
            })),
          )
          onSubmitted?.()
        },
      },
    )
  }
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
      <ReasonField value={reason} onChange={setReason} disabled={bulk.isPending} />
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
      {action === 'delete' ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Each name above is sent as that item&apos;s confirmation: an item whose name no longer
          matches is refused, not deleted.
        </p>
      ) : null}
      {action === 'delete' ? (
        <Field
          label={`Type ${DELETE_WORD} to confirm`}
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
      ) : null}
      {bulk.error ? <ErrorPanel title="Bulk action failed" error={bulk.error} /> : null}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="danger" disabled={!canSubmit}>
          {bulk.isPending
            ? 'Working…'
            : `${action === 'stop' ? 'Stop' : 'Delete'} ${eligible.length}`}
        </Button>
      </div>
    </form>
  )
}
