import type { ActionAvailability } from '@ops-console/contracts'
import type { MouseEvent, ReactNode } from 'react'
import { Button, type ButtonVariant } from './button.js'
import { Tooltip } from './tooltip.js'

interface ActionButtonProps {
  availability: ActionAvailability
  onClick: () => void
  children: ReactNode
  variant?: ButtonVariant
  size?: 'sm' | 'md'
  /** Accessible name when the visible label is short (e.g. "Stop" → "Stop job-a"). */
  label?: string
}

/**
 * An action that may be unavailable. When not allowed the button stays focusable
 * (aria-disabled rather than disabled) so keyboard users can reach the tooltip with the reason.
 */
export function ActionButton({
  availability,
  onClick,
  children,
  variant = 'secondary',
  size = 'sm',
  label,
}: ActionButtonProps) {
  if (availability.allowed) {
    return (
      <Button variant={variant} size={size} onClick={onClick} aria-label={label}>
        {children}
      </Button>
    )
  }
  const reason = availability.reason ?? 'Not available'
  const block = (e: MouseEvent) => e.preventDefault()
  return (
    <Tooltip content={reason}>
      <Button variant={variant} size={size} aria-disabled="true" aria-label={label} onClick={block}>
        {children}
      </Button>
    </Tooltip>
  )
}
