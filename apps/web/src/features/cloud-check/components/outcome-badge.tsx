import type { CheckOutcome } from '@ops-console/contracts'

const GREEN = 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200'
const AMBER = 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200'
const SLATE = 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200'
const RED = 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200'

/** Outcome → what an operator should read, and a colour. */
export const OUTCOMES: Record<CheckOutcome, { label: string; tone: string }> = {
  ok: { label: 'ok', tone: GREEN },
  unreachable: { label: 'unreachable', tone: RED },
  unauthenticated: { label: 'credentials refused', tone: RED },
  forbidden: { label: 'not allowed', tone: AMBER },
  error: { label: 'error', tone: RED },
  skipped: { label: 'not tried', tone: SLATE },
  'not-configured': { label: 'not configured', tone: SLATE },
}

export function OutcomeBadge({ outcome }: { outcome: CheckOutcome }) {
  const style = OUTCOMES[outcome]
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${style.tone}`}
      data-outcome={outcome}
    >
      {style.label}
    </span>
  )
}
