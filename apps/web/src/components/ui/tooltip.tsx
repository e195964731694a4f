import * as RadixTooltip from '@radix-ui/react-tooltip'
import { useState, type ReactElement, type ReactNode } from 'react'

export const TooltipProvider = RadixTooltip.Provider

/**
 * Shows `content` on hover and on keyboard focus of the (focusable) child. `disabled` keeps the
 * same element tree (so a focused child is not replaced when it toggles) and shows nothing.
 */
export function Tooltip({
  content,
  children,
  disabled = false,
}: {
  content: ReactNode
  children: ReactElement
  disabled?: boolean
}) {
  const [open, setOpen] = useState(false)
  return (
    <RadixTooltip.Root open={open && !disabled} onOpenChange={setOpen}>
      <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content
          sideOffset={6}
          className="z-50 max-w-xs rounded-md bg-slate-900 px-2.5 py-1.5 text-xs text-white shadow-lg dark:bg-slate-100 dark:text-slate-900"
        >
          {content}
          <RadixTooltip.Arrow className="fill-slate-900 dark:fill-slate-100" />
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  )
}
