import { StopBody } from '@ops-console/contracts'
import { useId } from 'react'
import { TextareaField } from '../../../components/ui/textarea-field.js'

/** The same rule the BFF applies (contracts' Reason): trimmed, 3–500 characters. */
export function isValidReason(reason: string): boolean {
  return StopBody.shape.reason.safeParse(reason).success
}

/** ⌘ on Apple keyboards, Ctrl elsewhere (the dialog accepts both). */
const MOD =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'

export function ReasonField({
  value,
  onChange,
  disabled,
  error,
}: {
  value: string
  onChange: (v: string) => void
  disabled?: boolean
  /** The API's message for `reason` when it refused the request. */
  error?: string | undefined
}) {
  const id = useId()
  return (
    <TextareaField
      id={id}
      label="Reason (required)"
      hint={`Recorded in the audit log with your name. At least 3 characters. ${MOD}+Enter submits.`}
      required
      maxLength={500}
      value={value}
      disabled={disabled}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
