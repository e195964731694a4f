import type { SourceStatus } from '@ops-console/contracts'
import { KIND_LABELS } from '../../../lib/format.js'

/** Fan-out sources that failed; the rest of the list still renders. */
export function SourceErrors({ sources }: { sources: SourceStatus[] }) {
  const failed = sources.filter((s) => !s.ok)
  if (failed.length === 0) return null
  return (
    <div
      role="alert"
      className="mb-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <p className="font-semibold">
        Some sources could not be loaded; their workloads are missing below.
      </p>
      <ul className="mt-1 space-y-0.5">
        {failed.map((s) => (
          <li key={`${s.target}/${s.kind}`}>
            {KIND_LABELS[s.kind]} in <strong>{s.target}</strong>: {s.error?.message ?? 'failed'}{' '}
            <span className="font-mono text-xs">
              [{s.error?.code ?? 'ERROR'}
              {s.error?.cloudCode ? ` · ${s.error.cloudCode}` : ''}
              {s.error?.requestId ? ` · request ${s.error.requestId}` : ''}]
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
