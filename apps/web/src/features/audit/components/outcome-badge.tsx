import type { AuditEntry } from '@ops-console/contracts'

const TONE: Record<string, string> = {
  success: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
  failure: 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200',
  unknown: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200',
  pending: 'bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200',
}

/** The entry's outcome: an account event's own, an intent's latest ("pending" without one yet). */
export function outcomeOf(entry: AuditEntry): string {
  return entry.type === 'event' ? entry.outcome : (entry.outcome?.outcome ?? 'pending')
}

export function OutcomeBadge({ entry }: { entry: AuditEntry }) {
  const outcome = outcomeOf(entry)
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE[outcome] ?? TONE.unknown}`}
    >
      {outcome}
    </span>
  )
}
