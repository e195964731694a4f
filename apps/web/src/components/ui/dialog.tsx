import * as RadixDialog from '@radix-ui/react-dialog'
import { FocusScope } from '@radix-ui/react-focus-scope'
import { useState, type KeyboardEvent, type ReactNode } from 'react'
import { focusFirstField, isSubmitChord, returnFocus } from '../../lib/focus.js'
import { Button } from './button.js'

interface DialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description?: ReactNode
  children: ReactNode
  wide?: boolean
  /** Where focus goes on close when the opening control is gone (e.g. a re-rendered row). */
  returnFocusTo?: () => HTMLElement | null
}

/** Ctrl/⌘+Enter submits the dialog's form from any field (Enter alone adds a line to a reason). */
function submitOnChord(e: KeyboardEvent<HTMLElement>) {
  if (!isSubmitChord(e)) return
  const form = (e.target as Element).closest('form')
  if (!form) return
  e.preventDefault()
  form.requestSubmit()
}

/**
 * Modal dialog on Radix primitives. Radix's built-in modal mode locks scrolling by injecting a
 * <style> element, which our CSP (`style-src 'self'`) refuses; so the dialog runs in non-modal
 * mode and we add the modal parts ourselves: a trapped FocusScope (Tab cycles inside),
 * `aria-modal`, and an overlay that closes on click. Esc closes (Radix). Focus starts on the
 * first field (not on ×) and goes back to the control that opened the dialog, however it closes.
 */
export function Dialog(p: DialogProps) {
  // Read during the first render, before any focus moves into the dialog.
  const [opener] = useState<Element | null>(() => document.activeElement)
  return (
    <RadixDialog.Root open={p.open} onOpenChange={p.onOpenChange} modal={false}>
      <RadixDialog.Portal>
        <div
          className="fixed inset-0 z-40 bg-slate-950/50"
          aria-hidden="true"
          onClick={() => p.onOpenChange(false)}
        />
        <FocusScope
          asChild
          trapped
          loop
          onMountAutoFocus={(e) => e.preventDefault()}
          onUnmountAutoFocus={(e) => {
            e.preventDefault()
            returnFocus(opener, p.returnFocusTo)
          }}
        >
          <RadixDialog.Content
            aria-modal="true"
            onOpenAutoFocus={(e) => {
              e.preventDefault()
              focusFirstField(e.currentTarget as HTMLElement)
            }}
            onCloseAutoFocus={(e) => e.preventDefault()}
            // Outside clicks are handled by the overlay; focus moving to a toast must not close it.
            onInteractOutside={(e) => e.preventDefault()}
            onKeyDown={submitOnChord}
            className={`fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-1.5rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl border border-slate-200 bg-white p-4 shadow-xl outline-none sm:p-6 dark:border-slate-700 dark:bg-slate-900 ${p.wide ? 'max-w-2xl' : 'max-w-lg'}`}
            {...(p.description ? {} : { 'aria-describedby': undefined })}
          >
            <div className="flex items-start justify-between gap-4">
              <RadixDialog.Title className="text-lg font-semibold break-words">
                {p.title}
              </RadixDialog.Title>
              <RadixDialog.Close
                aria-label="Close"
                className="-mt-1 -mr-2 rounded-md px-2 py-1 text-lg leading-none text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
              >
                <span aria-hidden="true">×</span>
              </RadixDialog.Close>
            </div>
            {p.description ? (
              <RadixDialog.Description className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                {p.description}
              </RadixDialog.Description>
            ) : null}
            <div className="mt-4">{p.children}</div>
          </RadixDialog.Content>
        </FocusScope>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

export const DialogClose = RadixDialog.Close

/** The one closing button of a dialog that only informs (results, help). */
export function DialogDone({ label = 'Done' }: { label?: string }) {
  return (
    <div className="mt-4 flex justify-end">
      <DialogClose asChild>
        <Button variant="primary">{label}</Button>
      </DialogClose>
    </div>
  )
}
