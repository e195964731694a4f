import { useQuery } from '@tanstack/react-query'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { EmptyState, Loading, PageHeader } from '../../../components/ui/states.js'
import { scriptQueries } from '../api/script-queries.js'
import { ExecuteScriptForm } from './execute-script-form.js'
import { InstanceTable } from './instance-table.js'
import { RegisterInstanceForm } from './register-instance-form.js'

const card =
  'rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900'

/** Tracked DataArts script instances, plus executing and registering (operators). */
export function ScriptsPage({ canOperate }: { canOperate: boolean }) {
  const instances = useQuery(scriptQueries.instances())
  const disabledReason = canOperate ? undefined : 'Requires the operator role.'
  return (
    <div>
      <PageHeader title="Scripts" />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className={card}>
          <ExecuteScriptForm disabledReason={disabledReason} />
        </div>
        <div className={card}>
          <RegisterInstanceForm disabledReason={disabledReason} />
        </div>
      </div>
      <h2 className="mt-6 mb-2 font-semibold">Tracked script instances</h2>
      {instances.isPending ? <Loading /> : null}
      {instances.isError ? (
        <ErrorPanel error={instances.error} onRetry={() => void instances.refetch()} />
      ) : null}
      {instances.data?.length === 0 ? (
        <EmptyState title="No tracked script instances yet">
          DataArts has no API that lists script instances: they appear here once a script is
          executed or an instance is registered above.
        </EmptyState>
      ) : null}
      {instances.data?.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
          <InstanceTable instances={instances.data} />
        </div>
      ) : null}
    </div>
  )
}
