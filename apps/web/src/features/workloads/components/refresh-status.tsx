import { Button } from '../../../components/ui/button.js'
import { formatAgo } from '../../../lib/format.js'

interface RefreshStatusProps {
  updatedAt: number
  now: number
  paused: boolean
  fetching: boolean
  fast: boolean
  /** The live stream patches the list (no polling). */
  live?: boolean
  onTogglePause: () => void
  onRefresh: () => void
}

/** What screen readers hear: changes of mode only, never the ticking "N s ago". */
function modeText(p: Pick<RefreshStatusProps, 'paused' | 'fast' | 'live'>): string {
  if (p.paused) return 'Auto-refresh paused'
  if (p.live) return 'Live updates on'
  return p.fast ? 'Following changes' : 'Refreshing automatically'
}

/** "Updated N s ago" (or live), with pause/resume of auto-refresh and a manual refresh. */
export function RefreshStatus({
  updatedAt,
  now,
  paused,
  fetching,
  fast,
  live = false,
  onTogglePause,
  onRefresh,
}: RefreshStatusProps) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
      {/* The clock itself is not a live region: announcing it every second drowns everything. */}
      <span>
        {updatedAt ? `Updated ${formatAgo(updatedAt, now)}` : 'Not loaded yet'}
        {fetching ? ' · refreshing…' : ''}
        {!paused && live ? ' · live' : ''}
        {!paused && !live && fast ? ' · following changes' : ''}
        {paused ? ' · auto-refresh paused' : ''}
      </span>
      <span role="status" className="sr-only">
        {modeText({ paused, fast, live })}
      </span>
      <Button size="sm" aria-pressed={paused} onClick={onTogglePause}>
        {paused ? 'Resume auto-refresh' : 'Pause auto-refresh'}
      </Button>
      <Button size="sm" variant="ghost" onClick={onRefresh} disabled={fetching}>
        Refresh now
      </Button>
    </div>
  )
}
