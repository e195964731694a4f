import type { ScriptInstance } from '@ops-console/contracts'
import { Link } from '@tanstack/react-router'
import { StateBadge } from '../../../components/ui/state-badge.js'
import { formatDateTime } from '../../../lib/format.js'

const th = 'px-3 py-2'
const td = 'px-3 py-2'

/** Tracked instances; the name links to the script-instance list with the detail panel open (stop is there). */
export function InstanceTable({ instances }: { instances: ScriptInstance[] }) {
  return (
    <table className="w-full text-sm">
      <thead className="bg-slate-100 text-left text-xs font-semibold text-slate-600 dark:bg-slate-800 dark:text-slate-300">
        <tr>
          <th scope="col" className={th}>
            Script / instance
          </th>
          <th scope="col" className={th}>
            Target
          </th>
          <th scope="col" className={th}>
            State
          </th>
          <th scope="col" className={th}>
            Registered
          </th>
          <th scope="col" className={th}>
            Last checked
          </th>
        </tr>
      </thead>
      <tbody>
        {instances.map((i) => (
          <tr
            key={`${i.target}/${i.id}`}
            className="border-t border-slate-100 dark:border-slate-800"
          >
            <td className={td}>
              <Link
                to="/workloads/$kind"
                params={{ kind: 'dataarts-script-instance' }}
                search={{ open: `dataarts-script-instance/${i.target}/${i.id}` }}
                className="font-medium text-teal-800 hover:underline dark:text-teal-300"
              >
                {i.scriptName}
              </Link>
              <span className="block font-mono text-xs text-slate-500">{i.instanceId}</span>
            </td>
            <td className={td}>{i.target}</td>
            <td className={td}>
              <StateBadge state={i.state} {...(i.lastStatus ? { rawStatus: i.lastStatus } : {})} />
            </td>
            <td className={`${td} text-xs`}>
              {i.registeredBy} · {formatDateTime(i.registeredAt)}
            </td>
            <td className={`${td} text-xs`}>{formatDateTime(i.lastCheckedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
