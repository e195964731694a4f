import type { Workload } from '@ops-console/contracts'
import { useState, type FormEvent } from 'react'
import { Dialog } from '../../../components/ui/dialog.js'
import { Field } from '../../../components/ui/field.js'
import { useDeleteWorkload } from '../api/use-delete-workload.js'
import { useActionWatch } from '../hooks/action-watch.js'
import { ActionFormFooter, WorkloadActionDescription } from './action-dialog-parts.js'
import { isValidReason, ReasonField } from './reason-field.js'

interface DeleteDialogProps {
  workload: Workload
  open: boolean
  onOpenChange: (open: boolean) => void
}

export function DeleteDialog({ workload, open, onOpenChange }: DeleteDialogProps) {
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
    >
      <DeleteForm workload={workload} onDone={() => onOpenChange(false)} />
    </Dialog>
  )
}

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
          watch([
            {
              ref,
              action: 'delete',
              name: workload.name,
              intentAt: result.workload?.lastAction?.at,
            },
          ])
          onDone()
        },
      },
    )
  }
  return (
    <form onSubmit={submit} className="space-y-4">
      <Field
        label="Type the workload name to confirm"
        hint={
          <>
            Type{' '}
            <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">
              {workload.name}
            </code>{' '}
            exactly.
          </>
        }
        autoComplete="off"
        spellCheck={false}
        value={typed}
        disabled={del.isPending}
        onChange={(e) => setTyped(e.target.value)}
      />
      <ReasonField value={reason} onChange={setReason} disabled={del.isPending} />
      <ActionFormFooter
        errorTitle="Delete failed"
        error={del.error}
        failed={failed}
        pending={del.isPending}
        canSubmit={canSubmit}
        submitLabel="Delete"
        pendingLabel="Deleting…"
      />
    </form>
  )
}
