import { revealHiddenCharacters, type AuditEntry } from '@ops-console/contracts'
import { InertText } from '../../../components/ui/inert-text.js'
import { formatDateTime, KIND_SINGULAR } from '../../../lib/format.js'
import { OutcomeBadge } from './outcome-badge.js'

const th = 'px-3 py-2 text-left'
const td = 'px-3 py-2 align-top'

export function AuditTable({
  items,
  onOpen,
}: {
  items: AuditEntry[]
  onOpen: (id: string) => void
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
      <table className="w-full text-sm">
        <thead className="bg-slate-100 text-xs font-semibold text-slate-600 dark:bg-slate-800 dark:text-slate-300">
          <tr>
            <th scope="col" className={th}>
              Time
            </th>
            <th scope="col" className={th}>
              Actor
            </th>
            <th scope="col" className={th}>
              Action
            </th>
            <th scope="col" className={th}>
              Workload
            </th>
            <th scope="col" className={th}>
              Reason
            </th>
            <th scope="col" className={th}>
              Outcome
            </th>
            <th scope="col" className={th}>
              Final state
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr
              key={e.id}
              className="border-t border-slate-100 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800/50"
            >
              <td className={`${td} text-xs whitespace-nowrap`}>
                <button
                  type="button"
                  className="text-teal-800 hover:underline dark:text-teal-300"
                  onClick={() => onOpen(e.id)}
                  aria-label={`Details of ${e.action} ${revealHiddenCharacters(e.workloadName)} at ${formatDateTime(e.at)}`}
                >
                  {formatDateTime(e.at)}
                </button>
              </td>
              <td className={td}>
                <InertText text={e.actor} />{' '}
                <span className="text-xs text-slate-500">({e.role})</span>
              </td>
              <td className={`${td} font-mono text-xs`}>{e.action}</td>
              <td className={td}>
                <span className="font-medium">
                  <InertText text={e.workloadName} />
                </span>
                <span className="block text-xs text-slate-500">
                  {KIND_SINGULAR[e.kind]} · {e.target}
                </span>
              </td>
              <td className={`${td} max-w-64 truncate`} title={revealHiddenCharacters(e.reason)}>
                <InertText text={e.reason} />
              </td>
              <td className={td}>
                <OutcomeBadge entry={e} />
              </td>
              <td className={td}>{e.finalState ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
