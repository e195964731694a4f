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
  className?: string
}

/**
 * An action that may be unavailable. When not allowed the button stays focusable
 * (aria-disabled rather than disabled) so keyboard users can reach the tooltip with the reason.
 * Allowed or not, it is the same element: a focused Stop that becomes unavailable (the stop was
 * accepted) keeps the focus instead of dropping it on <body>.
 */
export function ActionButton({
  availability,
  onClick,
  children,
  variant = 'secondary',
  size = 'sm',
  label,
  className,
}: ActionButtonProps) {
  const allowed = availability.allowed
  const click = (e: MouseEvent) => (allowed ? onClick() : e.preventDefault())
  return (
    <Tooltip content={availability.reason ?? 'Not available'} disabled={allowed}>
      <Button
        variant={variant}
        size={size}
        aria-disabled={allowed ? undefined : 'true'}
        aria-label={label}
        onClick={click}
        {...(className ? { className } : {})}
      >
        {children}
      </Button>
    </Tooltip>
  )
}
