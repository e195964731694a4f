import type { Workload } from '@ops-console/contracts'
import { useState, type FormEvent } from 'react'
import { Button } from '../../../components/ui/button.js'
import { Dialog, DialogClose } from '../../../components/ui/dialog.js'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { KIND_SINGULAR } from '../../../lib/format.js'
import { useStopWorkload } from '../api/use-stop-workload.js'
import { useActionWatch } from '../hooks/action-watch.js'
import { ActionErrorPanel } from './action-error.js'
import { isValidReason, ReasonField } from './reason-field.js'

interface StopDialogProps {
  workload: Workload
  open: boolean
  onOpenChange: (open: boolean) => void
}

export function StopDialog({ workload, open, onOpenChange }: StopDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Stop ${workload.name}?`}
      description={
        <>
          {KIND_SINGULAR[workload.kind]} <strong className="font-semibold">{workload.name}</strong> in target{' '}
          <strong className="font-semibold">{workload.target}</strong> will be stopped.
        </>
      }
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
          watch([{ ref, action: 'stop', name: workload.name, intentAt: result.workload?.lastAction?.at }])
          onDone()
        },
      },
    )
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      <ReasonField value={reason} onChange={setReason} disabled={stop.isPending} />
      {isDli ? (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5 size-4 accent-teal-700" checked={savepoint} onChange={(e) => setSavepoint(e.target.checked)} disabled={stop.isPending} />
          <span>
            Trigger savepoint
            <span className="block text-xs text-slate-500 dark:text-slate-400">Saves the job state before stopping so it can resume later.</span>
          </span>
        </label>
      ) : null}
      {stop.error ? <ErrorPanel title="Stop failed" error={stop.error} /> : null}
      {failed?.error ? <ActionErrorPanel error={failed.error} /> : null}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
        <Button type="submit" variant="danger" disabled={!canSubmit}>
          {stop.isPending ? 'Stopping…' : 'Stop'}
        </Button>
      </div>
    </form>
  )
}
