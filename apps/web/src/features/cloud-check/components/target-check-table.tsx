import type { CloudCheckReport } from '@ops-console/contracts'
import { OutcomeBadge } from './outcome-badge.js'

type TargetCheck = CloudCheckReport['targets'][number]

const SERVICE_LABELS: Record<TargetCheck['services'][number]['service'], string> = {
  iam: 'IAM',
  dataarts: 'DataArts Factory',
  codearts: 'CodeArts Build',
  dli: 'DLI',
  modelarts: 'ModelArts',
}
const PROVIDERS: Record<TargetCheck['provider'], string> = {
  huaweicloud: 'Huawei Cloud',
  otc: 'Open Telekom Cloud',
}

const cell = 'px-3 py-2 align-top'
const dash = <span className="text-slate-400">–</span>

/** One target: a row per service with outcome, latency, HTTP status, cloud code and request id. */
export function TargetCheckTable({ check }: { check: TargetCheck }) {
  const title = `${check.target} — ${PROVIDERS[check.provider]} ${check.region}`
  return (
    <section
      aria-label={check.target}
      className="rounded-lg border border-slate-200 dark:border-slate-800"
    >
      <h2 className="border-b border-slate-200 px-3 py-2 font-medium dark:border-slate-800">
        {title}
      </h2>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500 uppercase dark:text-slate-400">
            <tr>
              {['Service', 'Result', 'Latency', 'HTTP', 'Cloud code', 'Request id', 'Endpoint'].map(
                (h) => (
                  <th key={h} scope="col" className={cell}>
                    {h}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {check.services.map((s) => (
              <tr key={s.service} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className={`${cell} font-medium`}>
                  {SERVICE_LABELS[s.service]}
                </th>
                <td className={cell}>
                  <OutcomeBadge outcome={s.outcome} />
                  {s.message ? (
                    <p className="mt-1 max-w-md text-xs text-slate-600 dark:text-slate-300">
                      {s.message}
                    </p>
                  ) : null}
                </td>
                <td className={cell}>{s.latencyMs === null ? dash : `${s.latencyMs} ms`}</td>
                <td className={cell}>{s.status ?? dash}</td>
                <td className={`${cell} font-mono text-xs`}>{s.code ?? dash}</td>
                <td className={`${cell} font-mono text-xs break-all`}>{s.requestId ?? dash}</td>
                <td className={`${cell} font-mono text-xs break-all`}>{s.endpoint ?? dash}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
