import type { ReactNode } from 'react'
import { Toaster } from '../components/ui/toaster.js'
import { TooltipProvider } from '../components/ui/tooltip.js'

/** Tooltips and toasts for the signed-in screens (mounted by the app shell; tests use it too). */
export function UiProviders({ children }: { children: ReactNode }) {
  return (
    <TooltipProvider delayDuration={250}>
      <Toaster>{children}</Toaster>
    </TooltipProvider>
  )
}
