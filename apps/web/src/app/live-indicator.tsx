import { useLiveMode, type LiveMode } from '../lib/live-mode.js'

const LOOK: Record<LiveMode, { label: string; dot: string; hint: string }> = {
  live: { label: 'Live', dot: 'bg-emerald-500', hint: 'Workloads update as they change.' },
  polling: {
    label: 'Polling',
    dot: 'bg-amber-500',
    hint: 'Live updates are unavailable; lists refresh periodically and reconnect automatically.',
  },
  connecting: { label: 'Connecting…', dot: 'bg-slate-400', hint: 'Connecting to live updates.' },
}

/** Whether workload screens are fed by the live stream or fall back to polling. */
export function LiveIndicator() {
  const mode = useLiveMode()
  const look = LOOK[mode]
  return (
    <span
      role="status"
      title={look.hint}
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-200 px-2 py-0.5 text-xs dark:border-slate-700"
    >
      <span aria-hidden="true" className={`size-2 rounded-full ${look.dot}`} />
      <span>{look.label}</span>
      <span className="sr-only">{look.hint}</span>
    </span>
  )
}
