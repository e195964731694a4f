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
    <div className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
      <span aria-live="polite">
        {updatedAt ? `Updated ${formatAgo(updatedAt, now)}` : 'Not loaded yet'}
        {fetching ? ' · refreshing…' : ''}
        {!paused && live ? ' · live' : ''}
        {!paused && !live && fast ? ' · following changes' : ''}
        {paused ? ' · auto-refresh paused' : ''}
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
