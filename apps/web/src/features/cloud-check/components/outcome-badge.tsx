import type { CheckOutcome } from '@ops-console/contracts'
import { STATE_BADGES } from '../../../components/ui/state-badge.js'

// The workload state colours: green works, amber needs a permission, red is broken, slate is neutral.
const GREEN = STATE_BADGES.running.tone
const AMBER = STATE_BADGES.stopping.tone
const SLATE = STATE_BADGES.stopped.tone
const RED = STATE_BADGES.failed.tone

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
