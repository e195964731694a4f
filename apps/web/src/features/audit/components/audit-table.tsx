import { revealHiddenCharacters, type AuditEntry } from '@ops-console/contracts'
import { formatDateTime } from '../../../lib/format.js'
import { CallCell, ReasonCell, SubjectCell } from './entry-cells.js'
import { InertText } from '../../../components/ui/inert-text.js'
import { OutcomeBadge } from './outcome-badge.js'

const th = 'px-3 py-2 text-left'
const td = 'px-3 py-2 align-top'
const COLUMNS = [
  'Time',
  'Actor',
  'Action',
  'Subject',
  'Reason / details',
  'Outcome',
  'HTTP · cloud request id',
  'Final state',
]

const subjectName = (e: AuditEntry) =>
  revealHiddenCharacters(e.type === 'event' ? (e.subject ?? e.actor) : e.workloadName)

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
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={th}>
                {c}
              </th>
            ))}
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
                  aria-label={`Details of ${e.action} ${subjectName(e)} at ${formatDateTime(e.at)}`}
                >
                  {formatDateTime(e.at)}
                </button>
              </td>
              <td className={td}>
                <InertText text={e.actor} />{' '}
                {e.role ? (
                  <span className="text-xs text-slate-500 dark:text-slate-400">({e.role})</span>
                ) : null}
              </td>
              <td className={`${td} font-mono text-xs`}>{e.action}</td>
              <td className={td}>
                <SubjectCell entry={e} />
              </td>
              <td className={`${td} max-w-64 truncate`}>
                <ReasonCell entry={e} />
              </td>
              <td className={td}>
                <OutcomeBadge entry={e} />
              </td>
              <td className={td}>
                <CallCell entry={e} />
              </td>
              <td className={td}>{e.type === 'action' ? (e.finalState ?? '—') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
