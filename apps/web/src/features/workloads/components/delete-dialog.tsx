import type { Workload } from '@ops-console/contracts'
import { useState, type FormEvent } from 'react'
import { Dialog } from '../../../components/ui/dialog.js'
import { Field } from '../../../components/ui/field.js'
import { fieldError } from '../../../lib/api-error.js'
import { useDeleteWorkload } from '../api/use-delete-workload.js'
import { useActionWatch } from '../hooks/action-watch.js'
import { ActionFormFooter, ActionNotes, WorkloadActionDescription } from './action-dialog-parts.js'
import { isValidReason, ReasonField } from './reason-field.js'

interface DeleteDialogProps {
  workload: Workload
  open: boolean
  onOpenChange: (open: boolean) => void
  returnFocusTo?: () => HTMLElement | null
}

export function DeleteDialog({ workload, open, onOpenChange, returnFocusTo }: DeleteDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete ${workload.name}?`}
      description={
        <WorkloadActionDescription
          workload={workload}
          effect="will be deleted. This cannot be undone."
        />
      }
      {...(returnFocusTo ? { returnFocusTo } : {})}
    >
      <DeleteForm workload={workload} onDone={() => onOpenChange(false)} />
    </Dialog>
  )
}

/** The reason comes first (where focus starts); typing the name is the last step before Delete. */
function DeleteForm({ workload, onDone }: { workload: Workload; onDone: () => void }) {
  const del = useDeleteWorkload()
  const { watch } = useActionWatch()
  const [reason, setReason] = useState('')
  const [typed, setTyped] = useState('')
  // Exact match on purpose: no trimming or case folding, the name is the confirmation.
  const nameMatches = typed === workload.name
  const canSubmit = nameMatches && isValidReason(reason) && !del.isPending
  const failed = del.data && del.data.status !== 'accepted' ? del.data : null

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!canSubmit) return
    const ref = { kind: workload.kind, target: workload.target, id: workload.id }
    del.mutate(
      { ref, body: { reason: reason.trim(), confirmName: typed } },
      {
        onSuccess: (result) => {
          if (result.status !== 'accepted') return
          const { name, kind, target } = workload
          const intentAt = result.workload?.lastAction?.at
          watch({ ref, action: 'delete', name, kind, target, intentAt })
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
        disabled={del.isPending}
        error={fieldError(del.error, 'reason')}
      />
      <Field
        label="Type the workload name to confirm"
        hint={
          <>
            Type{' '}
            <code className="rounded bg-slate-100 px-1 font-mono break-all dark:bg-slate-800">
              {workload.name}
            </code>{' '}
            exactly.
          </>
        }
        error={fieldError(del.error, 'confirmName')}
        autoComplete="off"
        spellCheck={false}
        value={typed}
        disabled={del.isPending}
        onChange={(e) => setTyped(e.target.value)}
      />
      <ActionNotes
        action="delete"
        kinds={[workload.kind]}
        protectedCount={workload.protected ? 1 : 0}
      />
      <ActionFormFooter
        errorTitle="Delete failed"
        error={del.error}
        fieldsShown={['reason', 'confirmName']}
        failed={failed}
        pending={del.isPending}
        canSubmit={canSubmit}
        submitLabel="Delete"
        pendingLabel="Deleting…"
      />
    </form>
  )
}
