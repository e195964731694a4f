import { useQuery } from '@tanstack/react-query'
import { Button } from '../../../components/ui/button.js'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { EmptyState, Loading, PageHeader } from '../../../components/ui/states.js'
import { formatDateTime } from '../../../lib/format.js'
import { cloudCheckQueries } from '../api/cloud-check-queries.js'
import { TargetCheckTable } from './target-check-table.js'

/**
 * Admins only: for every configured target and service one read-only call — endpoint, reachable,
 * authenticated, allowed to list, latency, and the cloud's code and request id when not.
 */
export function CloudCheckPage() {
  const check = useQuery(cloudCheckQueries.report())
  const header = (
    <PageHeader title="Cloud connection check">
      <Button
        size="sm"
        variant="ghost"
        disabled={check.isFetching}
        onClick={() => void check.refetch()}
      >
        {check.isFetching ? 'Checking…' : 'Check again'}
      </Button>
    </PageHeader>
  )
  if (check.isPending)
    return (
      <div>
        {header}
        <Loading label="Checking every target and service…" />
      </div>
    )
  if (check.isError)
    return (
      <div>
        {header}
        <ErrorPanel
          error={check.error}
          title="Could not run the check"
          onRetry={() => void check.refetch()}
        />
      </div>
    )
  const { targets, checkedAt, demoMode } = check.data
  return (
    <div className="space-y-4">
      {header}
      <p className="text-sm text-slate-600 dark:text-slate-300">
        One read-only call per service; nothing is changed. After refused credentials the remaining
        services are not tried: five bad signatures in a row lock an access key for five minutes.
        Checked {formatDateTime(checkedAt)}
        {demoMode ? ' — demo mode: the embedded simulator' : ''}.
      </p>
      {targets.length === 0 ? (
        <EmptyState title="No cloud targets configured">
          Set CLOUD_TARGETS and credentials, then restart.
        </EmptyState>
      ) : (
        targets.map((t) => <TargetCheckTable key={t.target} check={t} />)
      )}
    </div>
  )
}
