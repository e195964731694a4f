import * as RadixToast from '@radix-ui/react-toast'
import { createContext, use, useCallback, useState, type ReactNode } from 'react'
import { buttonClass } from './button.js'

export type ToastTone = 'success' | 'error' | 'info'
interface ToastItem {
  id: number
  title: string
  body?: ReactNode
  tone: ToastTone
  /** A follow-up, e.g. "Show results" of a bulk action. Toasts with one stay longer. */
  action?: { label: string; run: () => void }
}
type Notify = (t: Omit<ToastItem, 'id'>) => void

const ToastContext = createContext<Notify | null>(null)

const TONES: Record<ToastTone, string> = {
  success: 'border-emerald-300 dark:border-emerald-800',
  error: 'border-red-300 dark:border-red-800',
  info: 'border-slate-300 dark:border-slate-600',
}

/** Calm: never more than this many at once; a new one replaces the oldest. */
export const MAX_TOASTS = 3
const DURATION_MS = 8000
const WITH_ACTION_MS = 20_000

let nextId = 1

/** Radix toasts (announced politely to screen readers, swipe/Esc to dismiss). */
export function Toaster({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([])
  const notify = useCallback<Notify>(
    (t) => setItems((xs) => [...xs.slice(1 - MAX_TOASTS), { ...t, id: nextId++ }]),
    [],
  )
  const remove = (id: number) => setItems((xs) => xs.filter((x) => x.id !== id))
  return (
    <ToastContext value={notify}>
      <RadixToast.Provider duration={DURATION_MS}>
        {children}
        {items.map((t) => (
          <RadixToast.Root
            key={t.id}
            duration={t.action ? WITH_ACTION_MS : DURATION_MS}
            onOpenChange={(open) => (open ? undefined : remove(t.id))}
            className={`rounded-lg border-l-4 bg-white p-3 shadow-lg dark:bg-slate-800 ${TONES[t.tone]}`}
          >
            <RadixToast.Title className="text-sm font-semibold">{t.title}</RadixToast.Title>
            {t.body ? (
              <RadixToast.Description className="mt-1 text-sm">{t.body}</RadixToast.Description>
            ) : null}
            <div className="mt-2 flex items-center gap-3">
              {t.action ? (
                <RadixToast.Action
                  altText={t.action.label}
                  className={buttonClass('secondary', 'sm')}
                  onClick={t.action.run}
                >
                  {t.action.label}
                </RadixToast.Action>
              ) : null}
              <RadixToast.Close className="text-xs underline" aria-label="Dismiss notification">
                Dismiss
              </RadixToast.Close>
            </div>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="fixed right-3 bottom-3 z-[60] flex w-96 max-w-[calc(100vw-1.5rem)] flex-col gap-2 outline-none" />
      </RadixToast.Provider>
    </ToastContext>
  )
}

export function useToast(): Notify {
  const ctx = use(ToastContext)
  if (!ctx) throw new Error('useToast must be used inside <Toaster>')
  return ctx
}
