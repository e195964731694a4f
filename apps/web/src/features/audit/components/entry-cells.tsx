import { revealHiddenCharacters, type AuditEntry } from '@ops-console/contracts'
import { KIND_SINGULAR } from '../../../lib/format.js'
import { InertText } from '../../../components/ui/inert-text.js'

/** What the entry is about: a workload, or the account (for account events). */
export function SubjectCell({ entry }: { entry: AuditEntry }) {
  if (entry.type === 'event')
    return (
      <span className="text-slate-600 dark:text-slate-300">
        {entry.subject ? (
          <>
            account <InertText text={entry.subject} />
          </>
        ) : (
          'own account'
        )}
        <span className="block text-xs text-slate-500 dark:text-slate-400">via {entry.via}</span>
      </span>
    )
  return (
    <>
      <span className="font-medium">
        <InertText text={entry.workloadName} />
      </span>
      <span className="block text-xs text-slate-500 dark:text-slate-400">
        {KIND_SINGULAR[entry.kind]} · {entry.target}
      </span>
    </>
  )
}

/** Account events' small facts as text, e.g. `role: operator`. */
export function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ')
}

/** The reason of a workload action; the details of an account event. */
export function ReasonCell({ entry }: { entry: AuditEntry }) {
  const text = entry.type === 'event' ? detailsText(entry.details) : entry.reason
  return <span title={revealHiddenCharacters(text)}>{text ? <InertText text={text} /> : '—'}</span>
}

/** HTTP status and cloud request id of the call that carried a workload action. */
export function CallCell({ entry }: { entry: AuditEntry }) {
  if (entry.type === 'event') return <span className="text-slate-500 dark:text-slate-400">—</span>
  return (
    <span className="font-mono text-xs">
      {entry.httpStatus ?? '—'}
      {entry.upstreamRequestId ? (
        <span
          className="block max-w-44 truncate text-slate-500 dark:text-slate-400"
          title={entry.upstreamRequestId}
        >
          {entry.upstreamRequestId}
        </span>
      ) : null}
    </span>
  )
}
