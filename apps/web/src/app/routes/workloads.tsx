import { WorkloadKind } from '@ops-console/contracts'
import { createRoute, notFound } from '@tanstack/react-router'
import { useCallback } from 'react'
import { WorkloadSearch } from '../../features/workloads/api/workload-search.js'
import { WorkloadsPage } from '../../features/workloads/components/workloads-page.js'
import { appLayoutRoute } from './app-layout.js'

export const workloadsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: '/workloads',
  validateSearch: WorkloadSearch,
  component: AllWorkloadsRoute,
})

export const workloadsKindRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: '/workloads/$kind',
  validateSearch: WorkloadSearch,
  params: {
    parse: ({ kind }) => {
      const parsed = WorkloadKind.safeParse(kind)
      if (!parsed.success) throw notFound()
      return { kind: parsed.data }
    },
    stringify: ({ kind }) => ({ kind }),
  },
  component: KindWorkloadsRoute,
})

/** Filters replace the history entry so Back leaves the page instead of undoing each keystroke. */
function useSearchUpdater(navigate: (opts: { search: (old: WorkloadSearch) => WorkloadSearch; replace: boolean }) => Promise<void>) {
  return useCallback((patch: Partial<WorkloadSearch>) => void navigate({ search: (old) => ({ ...old, ...patch }), replace: true }), [navigate])
}

function AllWorkloadsRoute() {
  const search = workloadsRoute.useSearch()
  const onSearchChange = useSearchUpdater(workloadsRoute.useNavigate())
  return <WorkloadsPage scope="all" search={search} onSearchChange={onSearchChange} />
}

function KindWorkloadsRoute() {
  const { kind } = workloadsKindRoute.useParams()
  const search = workloadsKindRoute.useSearch()
  const onSearchChange = useSearchUpdater(workloadsKindRoute.useNavigate())
  return <WorkloadsPage key={kind} scope={kind} search={search} onSearchChange={onSearchChange} />
}
