import { useEffect, type ReactNode } from 'react'

/** The tab and history entry say which page this is: "Running now · Ops Console". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Ops Console`
  }, [title])
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div
      role="status"
      className="flex items-center gap-2 p-6 text-sm text-slate-600 dark:text-slate-300"
    >
      <span
        className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-teal-600"
        aria-hidden="true"
      />
      {label}
    </div>
  )
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      <p className="font-medium">{title}</p>
      {children ? (
        <div className="mt-1 text-sm text-slate-600 dark:text-slate-300">{children}</div>
      ) : null}
    </div>
  )
}

/** The page's h1 (focusable by script, e.g. when focus has nowhere better to go) and its title. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  useDocumentTitle(title)
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
      <h1 tabIndex={-1} className="text-xl font-semibold tracking-tight outline-none">
        {title}
      </h1>
      {children ? <div className="flex flex-wrap items-center gap-2">{children}</div> : null}
    </div>
  )
}
