import { useCallback } from 'react'
import type { WorkloadSearch } from '../../features/workloads/api/workload-search.js'
import { WorkloadsPage } from '../../features/workloads/components/workloads-page.js'
import { workloadsKindRoute, workloadsRoute } from './workloads.js'

/** Filters replace the history entry so Back leaves the page instead of undoing each keystroke. */
function useSearchUpdater(
  navigate: (opts: {
    search: (old: WorkloadSearch) => WorkloadSearch
    replace: boolean
  }) => Promise<void>,
) {
  return useCallback(
    (patch: Partial<WorkloadSearch>) =>
      void navigate({ search: (old) => ({ ...old, ...patch }), replace: true }),
    [navigate],
  )
}

export function AllWorkloadsView() {
  const search = workloadsRoute.useSearch()
  const onSearchChange = useSearchUpdater(workloadsRoute.useNavigate())
  return <WorkloadsPage scope="all" search={search} onSearchChange={onSearchChange} />
}

export function KindWorkloadsView() {
  const { kind } = workloadsKindRoute.useParams()
  const search = workloadsKindRoute.useSearch()
  const onSearchChange = useSearchUpdater(workloadsKindRoute.useNavigate())
  return <WorkloadsPage key={kind} scope={kind} search={search} onSearchChange={onSearchChange} />
}
