import * as RadixDialog from '@radix-ui/react-dialog'
import { FocusScope } from '@radix-ui/react-focus-scope'
import type { ReactNode } from 'react'

interface DialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: ReactNode
  children: ReactNode
  wide?: boolean
}

/**
 * Modal dialog on Radix primitives. Radix's built-in modal mode locks scrolling by injecting a
 * <style> element, which our CSP (`style-src 'self'`) refuses; so the dialog runs in non-modal
 * mode and we add the modal parts ourselves: a trapped FocusScope (Tab cycles inside, focus
 * returns to the trigger), `aria-modal`, and an overlay that closes on click. Esc closes (Radix).
 */
export function Dialog({ open, onOpenChange, title, description, children, wide }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange} modal={false}>
      <RadixDialog.Portal>
        <div
          className="fixed inset-0 z-40 bg-slate-950/50"
          aria-hidden="true"
          onClick={() => onOpenChange(false)}
        />
        <FocusScope asChild trapped loop>
          <RadixDialog.Content
            aria-modal="true"
            // Outside clicks are handled by the overlay; focus moving to a toast must not close it.
            onInteractOutside={(e) => e.preventDefault()}
            className={`fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl border border-slate-200 bg-white p-6 shadow-xl dark:border-slate-700 dark:bg-slate-900 ${wide ? 'max-w-2xl' : 'max-w-lg'}`}
            {...(description ? {} : { 'aria-describedby': undefined })}
          >
            <div className="flex items-start justify-between gap-4">
              <RadixDialog.Title className="text-lg font-semibold break-words">
                {title}
              </RadixDialog.Title>
              <RadixDialog.Close
                aria-label="Close"
                className="-mt-1 -mr-2 rounded-md px-2 py-1 text-lg leading-none text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800"
              >
                <span aria-hidden="true">×</span>
              </RadixDialog.Close>
            </div>
            {description ? (
              <RadixDialog.Description className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                {description}
              </RadixDialog.Description>
            ) : null}
            <div className="mt-4">{children}</div>
          </RadixDialog.Content>
        </FocusScope>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

export const DialogClose = RadixDialog.Close
