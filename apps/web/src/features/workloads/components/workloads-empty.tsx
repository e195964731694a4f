import { Link } from '@tanstack/react-router'
import { Button } from '../../../components/ui/button.js'
import { EmptyState } from '../../../components/ui/states.js'
import type { ListParams, ListScope } from '../api/workload-queries.js'

/** Why the list is empty, and what to do: a filter that matches nothing, or nothing there yet. */
export function WorkloadsEmpty({
  scope,
  params,
  onClear,
}: {
  scope: ListScope
  params: ListParams
  onClear: () => void
}) {
  const filtered = Boolean(params.state || params.target || params.q)
  if (filtered) {
    return (
      <EmptyState title="No workloads match these filters">
        <p>Try another state, target or search text.</p>
        <Button size="sm" className="mt-3" onClick={onClear}>
          Clear filters
        </Button>
      </EmptyState>
    )
  }
  if (scope === 'dataarts-script-instance') {
    return (
      <EmptyState title="No script instances yet">
        DataArts does not list script instances: they appear here once a script is executed or an
        instance is registered on the{' '}
        <Link to="/scripts" className="font-medium text-teal-800 underline dark:text-teal-300">
          Scripts page
        </Link>
        .
      </EmptyState>
    )
  }
  return (
    <EmptyState title="No workloads">
      None of the configured targets reports a workload of this kind right now.
    </EmptyState>
  )
}
