import {
  WORKLOAD_STATES,
  type SourceStatus,
  type WorkloadKind,
  type WorkloadState,
} from '@ops-console/contracts'
import { Link } from '@tanstack/react-router'
import { StateBadge } from '../../../components/ui/state-badge.js'
import { formatNumber } from '../../../lib/count.js'
import { KIND_LABELS } from '../../../lib/format.js'

interface KindCardProps {
  kind: WorkloadKind
  counts: Partial<Record<WorkloadState, number>>
  sources: SourceStatus[]
}

/** One kind: counts per state (each a link to the filtered list) and its failed sources. */
export function KindCard({ kind, counts, sources }: KindCardProps) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const failed = sources.filter((s) => !s.ok)
  return (
    <section
      aria-labelledby={`kind-${kind}`}
      className="rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <div className="flex items-baseline justify-between">
        <h2 id={`kind-${kind}`} className="font-semibold">
          <Link to="/workloads/$kind" params={{ kind }} search={{}} className="hover:underline">
            {KIND_LABELS[kind]}
          </Link>
        </h2>
        <span className="text-sm text-slate-600 dark:text-slate-300">
          {formatNumber(total)} total
        </span>
      </div>
      <ul className="mt-3 flex flex-wrap gap-2">
        {WORKLOAD_STATES.filter((s) => (counts[s] ?? 0) > 0).map((state) => (
          <li key={state}>
            <Link
              to="/workloads/$kind"
              params={{ kind }}
              search={{ state }}
              className="inline-flex items-center gap-1.5 rounded-md border border-slate-200 px-2 py-1 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              {/* The link's name is its visible text plus the kind: "24 running DLI Flink jobs". */}
              <span className="font-semibold tabular-nums">{formatNumber(counts[state] ?? 0)}</span>{' '}
              <StateBadge state={state} /> <span className="sr-only">{KIND_LABELS[kind]}</span>
            </Link>
          </li>
        ))}
        {total === 0 && failed.length === 0 ? (
          <li className="text-sm text-slate-600 dark:text-slate-300">None</li>
        ) : null}
      </ul>
      {failed.length > 0 ? (
        <ul
          role="alert"
          className="mt-3 space-y-1 rounded-md bg-red-50 p-2 text-sm text-red-900 dark:bg-red-950/40 dark:text-red-100"
        >
          {failed.map((s) => (
            <li key={s.target}>
              <span className="font-medium">{s.target}</span> unavailable:{' '}
              {s.error?.message ?? 'failed'}
              <span className="block font-mono text-xs">
                {s.error?.code ?? 'ERROR'}
                {s.error?.cloudCode ? ` · cloud code ${s.error.cloudCode}` : ''}
                {s.error?.requestId ? ` · request id ${s.error.requestId}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
