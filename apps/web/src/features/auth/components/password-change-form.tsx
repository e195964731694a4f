import { useState, type FormEvent } from 'react'
import { Button } from '../../../components/ui/button.js'
import { ErrorDetails } from '../../../components/ui/error-panel.js'
import { Field } from '../../../components/ui/field.js'
import { useChangePassword } from '../api/use-change-password.js'

const MIN_LENGTH = 12

/** Shown when the account must change its initial password before using the console. */
export function PasswordChangeForm({ onChanged }: { onChanged: () => void }) {
  const change = useChangePassword()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const tooShort = next.length > 0 && next.length < MIN_LENGTH
  const mismatch = repeat.length > 0 && next !== repeat
  const ready =
    current.length > 0 && next.length >= MIN_LENGTH && next === repeat && next !== current

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!ready || change.isPending) return
    change.mutate({ currentPassword: current, newPassword: next }, { onSuccess: onChanged })
  }
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        You must choose a new password before continuing.
      </p>
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_LENGTH} characters, different from the current one.`}
        error={tooShort ? `Use at least ${MIN_LENGTH} characters.` : undefined}
        value={next}
        onChange={(e) => setNext(e.target.value)}
      />
      <Field
        label="Repeat new password"
        type="password"
        autoComplete="new-password"
        error={mismatch ? 'The passwords do not match.' : undefined}
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
      />
      {change.error ? (
        <div
          role="alert"
          className="rounded-md bg-red-50 p-3 text-red-800 dark:bg-red-950/50 dark:text-red-200"
        >
          <ErrorDetails error={change.error} />
        </div>
      ) : null}
      <Button
        type="submit"
        variant="primary"
        className="w-full"
        disabled={!ready || change.isPending}
      >
        {change.isPending ? 'Saving…' : 'Change password'}
      </Button>
    </form>
  )
}
