import { useQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { ErrorPanel } from '../../../components/ui/error-panel.js'
import { StateBadge } from '../../../components/ui/state-badge.js'
import { EmptyState, Loading, PageHeader } from '../../../components/ui/states.js'
import { formatDateTime } from '../../../lib/format.js'
import { scriptQueries } from '../api/script-queries.js'
import { ExecuteScriptForm } from './execute-script-form.js'
import { RegisterInstanceForm } from './register-instance-form.js'

const card = 'rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900'

/** Tracked DataArts script instances, plus executing and registering (operators). */
export function ScriptsPage({ canOperate }: { canOperate: boolean }) {
  const instances = useQuery(scriptQueries.instances())
  const disabledReason = canOperate ? undefined : 'Requires the operator role.'
  return (
    <div>
      <PageHeader title="Script instances" />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className={card}>
          <ExecuteScriptForm disabledReason={disabledReason} />
        </div>
        <div className={card}>
          <RegisterInstanceForm disabledReason={disabledReason} />
        </div>
      </div>
      <h2 className="mt-6 mb-2 font-semibold">Tracked instances</h2>
      {instances.isPending ? <Loading /> : null}
      {instances.isError ? <ErrorPanel error={instances.error} onRetry={() => void instances.refetch()} /> : null}
      {instances.data?.length === 0 ? <EmptyState title="No tracked instances">Execute or register one above.</EmptyState> : null}
      {instances.data?.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
          <table className="w-full text-sm">
            <thead className="bg-slate-100 text-left text-xs text-slate-600 uppercase dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2">Instance</th>
                <th scope="col" className="px-3 py-2">Target</th>
                <th scope="col" className="px-3 py-2">State</th>
                <th scope="col" className="px-3 py-2">Started</th>
              </tr>
            </thead>
            <tbody>
              {instances.data.map((w) => (
                <tr key={`${w.target}/${w.id}`} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="px-3 py-2">
                    <Link
                      to="/workloads/$kind"
                      params={{ kind: 'dataarts-script-instance' }}
                      search={{ open: `${w.kind}/${w.target}/${w.id}` }}
                      className="font-medium text-teal-800 hover:underline dark:text-teal-300"
                    >
                      {w.name}
                    </Link>
                    <span className="block font-mono text-xs text-slate-500">{w.id}</span>
                  </td>
                  <td className="px-3 py-2">{w.target}</td>
                  <td className="px-3 py-2">
                    <StateBadge state={w.state} rawStatus={w.rawStatus} />
                  </td>
                  <td className="px-3 py-2 text-xs">{formatDateTime(w.startedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  )
}
