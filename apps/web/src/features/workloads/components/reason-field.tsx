import { findHiddenCharacter, StopBody } from '@ops-console/contracts'
import { useId } from 'react'
import { TextareaField } from '../../../components/ui/textarea-field.js'

/** The same rule the BFF applies (contracts' Reason): trimmed, 3–500 characters, one plain line. */
export function isValidReason(reason: string): boolean {
  return StopBody.shape.reason.safeParse(reason).success
}

/** Why the BFF would refuse this reason for its characters (line breaks, tabs, invisible ones). */
function characterProblem(reason: string): string | undefined {
  const found = findHiddenCharacter(reason.trim())
  if (!found) return undefined
  const what =
    found.codePoint === 'U+000A' || found.codePoint === 'U+000D' ? 'a line break' : found.codePoint
  return `Write the reason on one line: it contains ${what}, and line breaks, tabs and invisible characters are not recorded.`
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
      error={characterProblem(value)}
      required
      maxLength={500}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
    />
  )
}
