import type { ActionResult } from '@ops-console/contracts'

type ResultError = NonNullable<ActionResult['error']>

/** The per-item error of an ActionResult: code, cloud code, message and request id. */
export function ActionErrorText({ error }: { error: ResultError }) {
  return (
    <span className="text-sm">
      {error.message}{' '}
      <span className="font-mono text-xs text-slate-600 dark:text-slate-300">
        [{error.code}
        {error.cloudCode ? ` · ${error.cloudCode}` : ''}
        {error.requestId ? ` · request ${error.requestId}` : ''}]
      </span>
    </span>
  )
}

export function ActionErrorPanel({ error }: { error: ResultError }) {
  return (
    <div
      role="alert"
      className="rounded-md border border-red-200 bg-red-50 p-3 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
    >
      <ActionErrorText error={error} />
    </div>
  )
}
