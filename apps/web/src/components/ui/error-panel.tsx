import { ApiError } from '../../lib/api-error.js'
import { Button } from './button.js'

/** Shows what failed in a way an operator can report: code, cloud code, message and request ids. */
export function ErrorDetails({ error }: { error: unknown }) {
  if (!(error instanceof ApiError)) {
    return (
      <p className="text-sm">{error instanceof Error ? error.message : 'Something went wrong.'}</p>
    )
  }
  const up = error.upstream
  return (
    <div className="space-y-1 text-sm">
      <p>{error.message}</p>
      {up?.cloudMessage && up.cloudMessage !== error.message ? (
        <p>Cloud says: {up.cloudMessage}</p>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 font-mono text-xs">
        <dt className="text-slate-500 dark:text-slate-400">code</dt>
        <dd>{error.code}</dd>
        {up ? (
          <>
            <dt className="text-slate-500 dark:text-slate-400">service</dt>
            <dd>{up.service}</dd>
          </>
        ) : null}
        {up?.cloudCode ? (
          <>
            <dt className="text-slate-500 dark:text-slate-400">cloud code</dt>
            <dd>{up.cloudCode}</dd>
          </>
        ) : null}
        {error.requestId ? (
          <>
            <dt className="text-slate-500 dark:text-slate-400">request id</dt>
            <dd className="break-all">{error.requestId}</dd>
          </>
        ) : null}
        {up?.requestId ? (
          <>
            <dt className="text-slate-500 dark:text-slate-400">cloud request id</dt>
            <dd className="break-all">{up.requestId}</dd>
          </>
        ) : null}
      </dl>
    </div>
  )
}

export function ErrorPanel({
  error,
  title = 'Could not load',
  onRetry,
}: {
  error: unknown
  title?: string
  onRetry?: () => void
}) {
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
    >
      <p className="mb-1 font-semibold">{title}</p>
      <ErrorDetails error={error} />
      {onRetry ? (
        <Button className="mt-3" size="sm" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  )
}
