import * as RadixToast from '@radix-ui/react-toast'
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react'

export type ToastTone = 'success' | 'error' | 'info'
interface ToastItem {
  id: number
  title: string
  body?: ReactNode
  tone: ToastTone
}
type Notify = (t: Omit<ToastItem, 'id'>) => void

const ToastContext = createContext<Notify | null>(null)

const TONES: Record<ToastTone, string> = {
  success: 'border-emerald-300 dark:border-emerald-800',
  error: 'border-red-300 dark:border-red-800',
  info: 'border-slate-300 dark:border-slate-600',
}

let nextId = 1

/** Radix toasts (announced politely to screen readers, swipe/Esc to dismiss). */
export function Toaster({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([])
  const notify = useCallback<Notify>((t) => setItems((xs) => [...xs, { ...t, id: nextId++ }]), [])
  const remove = (id: number) => setItems((xs) => xs.filter((x) => x.id !== id))
  const value = useMemo(() => notify, [notify])
  return (
    <ToastContext value={value}>
      <RadixToast.Provider duration={8000}>
        {children}
        {items.map((t) => (
          <RadixToast.Root
            key={t.id}
            onOpenChange={(open) => (open ? undefined : remove(t.id))}
            className={`rounded-lg border-l-4 bg-white p-3 shadow-lg dark:bg-slate-800 ${TONES[t.tone]}`}
          >
            <RadixToast.Title className="text-sm font-semibold">{t.title}</RadixToast.Title>
            {t.body ? (
              <RadixToast.Description className="mt-1 text-sm">{t.body}</RadixToast.Description>
            ) : null}
            <RadixToast.Close className="mt-2 text-xs underline" aria-label="Dismiss notification">
              Dismiss
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="fixed right-4 bottom-4 z-[60] flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2 outline-none" />
      </RadixToast.Provider>
    </ToastContext>
  )
}

export function useToast(): Notify {
  const ctx = use(ToastContext)
  if (!ctx) throw new Error('useToast must be used inside <Toaster>')
  return ctx
}
