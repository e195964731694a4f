import type { Workload } from '@ops-console/contracts'
import { useState, type FormEvent } from 'react'
import { Dialog } from '../../../components/ui/dialog.js'
import { fieldError } from '../../../lib/api-error.js'
import { useStopWorkload } from '../api/use-stop-workload.js'
import { useActionWatch } from '../hooks/action-watch.js'
import { ActionFormFooter, ActionNotes, WorkloadActionDescription } from './action-dialog-parts.js'
import { isValidReason, ReasonField } from './reason-field.js'

interface StopDialogProps {
  workload: Workload
  open: boolean
  onOpenChange: (open: boolean) => void
  returnFocusTo?: () => HTMLElement | null
}

export function StopDialog({ workload, open, onOpenChange, returnFocusTo }: StopDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Stop ${workload.name}?`}
      description={<WorkloadActionDescription workload={workload} effect="will be stopped." />}
      {...(returnFocusTo ? { returnFocusTo } : {})}
    >
      <StopForm workload={workload} onDone={() => onOpenChange(false)} />
    </Dialog>
  )
}

/** Lives inside the dialog content, so its state resets each time the dialog opens. */
function StopForm({ workload, onDone }: { workload: Workload; onDone: () => void }) {
  const stop = useStopWorkload()
  const { watch } = useActionWatch()
  const [reason, setReason] = useState('')
  const [savepoint, setSavepoint] = useState(false)
  const isDli = workload.kind === 'dli-flink-job'
  const canSubmit = isValidReason(reason) && !stop.isPending
  const failed = stop.data && stop.data.status !== 'accepted' ? stop.data : null

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!canSubmit) return
    const ref = { kind: workload.kind, target: workload.target, id: workload.id }
    stop.mutate(
      { ref, body: { reason: reason.trim(), ...(isDli ? { triggerSavepoint: savepoint } : {}) } },
      {
        onSuccess: (result) => {
          if (result.status !== 'accepted') return
          const { name, kind, target } = workload
          watch({
            ref,
            action: 'stop',
            name,
            kind,
            target,
            intentAt: result.workload?.lastAction?.at,
          })
          onDone()
        },
      },
    )
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      <ReasonField
        value={reason}
        onChange={setReason}
        disabled={stop.isPending}
        error={fieldError(stop.error, 'reason')}
      />
      {isDli ? (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 size-4 accent-teal-700"
            checked={savepoint}
            onChange={(e) => setSavepoint(e.target.checked)}
            disabled={stop.isPending}
          />
          <span>
            Trigger savepoint
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              Saves the job state before stopping so it can resume later.
            </span>
          </span>
        </label>
      ) : null}
      <ActionNotes
        action="stop"
        kinds={[workload.kind]}
        protectedCount={workload.protected ? 1 : 0}
      />
      <ActionFormFooter
        errorTitle="Stop failed"
        error={stop.error}
        fieldsShown={['reason']}
        failed={failed}
        pending={stop.isPending}
        canSubmit={canSubmit}
        submitLabel="Stop"
        pendingLabel="Stopping…"
      />
    </form>
  )
}
