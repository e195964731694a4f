import type { WorkloadKind } from '@ops-console/contracts'

export const KIND_LABELS: Record<WorkloadKind, string> = {
  'dataarts-job': 'DataArts jobs',
  'dataarts-script-instance': 'Script instances',
  'codearts-build': 'CodeArts builds',
  'dli-flink-job': 'DLI Flink jobs',
  'modelarts-processor-version': 'ModelArts processor versions',
}

export const KIND_SINGULAR: Record<WorkloadKind, string> = {
  'dataarts-job': 'DataArts job',
  'dataarts-script-instance': 'script instance',
  'codearts-build': 'CodeArts build',
  'dli-flink-job': 'DLI Flink job',
  'modelarts-processor-version': 'ModelArts processor version',
}

/** For a kind (or any phrase) at the start of a sentence: "script instance" → "Script instance". */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—'
  if (ms < 1000) return `${ms} ms`
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`
}

/** Compact date-time for table cells: "Nov 25, 14:05". */
export function formatShortDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
}

/** "5 s ago", "3 min ago" — for the auto-refresh indicator and relative timestamps. */
export function formatAgo(fromMs: number, nowMs: number): string {
  const s = Math.max(0, Math.round((nowMs - fromMs) / 1000))
  if (s < 60) return `${s} s ago`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m} min ago` : `${Math.floor(m / 60)} h ago`
}
