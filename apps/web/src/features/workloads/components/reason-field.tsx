import { StopBody } from '@ops-console/contracts'
import { useId } from 'react'
import { TextareaField } from '../../../components/ui/textarea-field.js'

/** The same rule the BFF applies (contracts' Reason): trimmed, 3–500 characters. */
export function isValidReason(reason: string): boolean {
  return StopBody.shape.reason.safeParse(reason).success
}

export function ReasonField({
  value,
  onChange,
  disabled,
}: {
  value: string
  onChange: (v: string) => void
  disabled?: boolean
}) {
  const id = useId()
  return (
    <TextareaField
      id={id}
      label="Reason (required)"
      hint="Recorded in the audit log with your name. At least 3 characters."
      required
      maxLength={500}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
