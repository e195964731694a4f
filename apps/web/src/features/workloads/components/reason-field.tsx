import { findHiddenCharacter, StopBody } from '@ops-console/contracts'
import { useId } from 'react'
import { TextareaField } from '../../../components/ui/textarea-field.js'

/** The same rule the BFF applies (contracts' Reason): trimmed, 3–500 characters, one plain line. */
export function isValidReason(reason: string): boolean {
  return StopBody.shape.reason.safeParse(reason).success
}

/** ⌘ on Apple keyboards, Ctrl elsewhere (the dialog accepts both). */
const MOD =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'

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
      error={characterProblem(value) ?? error}
      onChange={(e) => onChange(e.target.value)}
      // The audit log keeps a reason on one line (the API refuses line breaks): plain Enter adds
      // none, Ctrl/⌘+Enter submits the dialog.
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) e.preventDefault()
      }}
    />
  )
}
