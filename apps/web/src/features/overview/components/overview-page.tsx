import { WORKLOAD_KINDS, type WorkloadKind, type WorkloadState } from '@ops-console/contracts'
import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { Button } from '../../../components/ui/button.js'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { Loading, PageHeader, useDocumentTitle } from '../../../components/ui/states.js'
import { formatNumber } from '../../../lib/count.js'
import { useLiveMode } from '../../../lib/live-mode.js'
import { OVERVIEW_POLL_MS, overviewQueries, type Overview } from '../api/overview-queries.js'
import { KindCard } from './kind-card.js'

const ACTIVE: readonly WorkloadState[] = ['pending', 'running', 'stopping']

function countsByKind(
  data: Overview,
): Record<WorkloadKind, Partial<Record<WorkloadState, number>>> {
  const out = Object.fromEntries(WORKLOAD_KINDS.map((k) => [k, {}])) as Record<
    WorkloadKind,
    Partial<Record<WorkloadState, number>>
  >
  for (const c of data.counts) out[c.kind][c.state] = (out[c.kind][c.state] ?? 0) + c.count
  return out
}

/** Counts by kind × state across all targets; a failing source is reported in its own card. */
export function OverviewPage() {
  useDocumentTitle('Overview')
  // While live, workload changes refetch the counts (app/live-updates.tsx): no polling.
  const live = useLiveMode() === 'live'
  const overview = useQuery({
    ...overviewQueries.overview(),
    refetchInterval: live ? false : OVERVIEW_POLL_MS,
  })
  if (overview.isPending) return <Loading label="Loading overview…" />
  if (overview.isError)
    return (
      <ErrorPanel
        error={overview.error}
        title="Could not load the overview"
        onRetry={() => void overview.refetch()}
      />
    )
  const byKind = countsByKind(overview.data)
  const active = overview.data.counts
    .filter((c) => ACTIVE.includes(c.state))
    .reduce((a, c) => a + c.count, 0)
  return (
    <div>
      <PageHeader title="Overview">
        <Button
          size="sm"
          variant="ghost"
          onClick={() => void overview.refetch()}
          disabled={overview.isFetching}
        >
          {overview.isFetching ? 'Refreshing…' : 'Refresh now'}
        </Button>
        <Link
          to="/workloads"
          search={{ state: 'active' }}
          className="rounded-md bg-teal-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-teal-800"
        >
          {formatNumber(active)} running now
        </Link>
      </PageHeader>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {WORKLOAD_KINDS.map((kind) => (
          <KindCard
            key={kind}
            kind={kind}
            counts={byKind[kind]}
            sources={overview.data.sources.filter((s) => s.kind === kind)}
          />
        ))}
      </div>
    </div>
  )
}
