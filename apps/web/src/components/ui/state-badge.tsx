import type { WorkloadState } from '@ops-console/contracts'

interface BadgeStyle {
  label: string
  tone: string
}

const GREEN = 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200'
const BLUE = 'bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200'
const AMBER = 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200'
const SLATE = 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200'
const RED = 'bg-red-100 text-red-800 dark:bg-red-900/50 dark:text-red-200'

/** Normalized state → label and colour. Transitional states end with an ellipsis. */
export const STATE_BADGES: Record<WorkloadState, BadgeStyle> = {
  pending: { label: 'pending…', tone: BLUE },
  running: { label: 'running', tone: GREEN },
  stopping: { label: 'stopping…', tone: AMBER },
  stopped: { label: 'stopped', tone: SLATE },
  succeeded: { label: 'succeeded', tone: GREEN },
  failed: { label: 'failed', tone: RED },
  deleting: { label: 'deleting…', tone: AMBER },
  unknown: { label: 'unknown', tone: SLATE },
}

export function StateBadge({ state, rawStatus }: { state: WorkloadState; rawStatus?: string }) {
  const style = STATE_BADGES[state]
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${style.tone}`}
      title={rawStatus ? `Cloud status: ${rawStatus}` : undefined}
      data-state={state}
    >
      {style.label}
    </span>
  )
}
