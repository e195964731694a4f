import type { ServiceCheck } from '@ops-console/cloud-client'
import type { BffConfig } from '../lib/config.js'
import {
  checkCloudTargets,
  createCloudTargets,
  type TargetCheck,
} from '../workloads/cloud-targets.js'

export interface CloudCheckIo {
  out: (line: string) => void
  /** Tests pass the simulator-backed targets' options (e.g. a manual-clock sim). */
  targets?: Parameters<typeof createCloudTargets>[1]
}

/** Outcomes that say the service works, or that there is nothing to check. */
const FINE = new Set<ServiceCheck['outcome']>(['ok', 'not-configured'])

/**
 * `npm run cloud:check [-- --json]`: for every configured target and service one read-only call
 * (cloud-client checkConnection), printed as a table or JSON. Exit 0 when every service is ok or
 * not configured, 1 otherwise. Prints endpoints, outcomes, latencies, the cloud's error code,
 * message and request id — never a key, password, token or signature.
 */
export async function runCloudCheck(
  argv: readonly string[],
  config: BffConfig,
  io: CloudCheckIo,
): Promise<number> {
  const { targets, sim } = createCloudTargets(config, io.targets)
  if (targets.length === 0) {
    io.out('no cloud targets configured (CLOUD_TARGETS)')
    return 1
  }
  const report = await checkCloudTargets(targets)
  if (argv.includes('--json'))
    io.out(JSON.stringify({ demoMode: sim !== null, targets: report }, null, 2))
  else {
    if (sim) io.out('demo mode: no cloud configured, checking the embedded simulator\n')
    for (const t of report) for (const line of table(t)) io.out(line)
  }
  return report.every((t) => t.services.every((s) => FINE.has(s.outcome))) ? 0 : 1
}

const COLUMNS = ['service', 'outcome', 'latency', 'http', 'code', 'request id', 'endpoint'] as const

function table(t: TargetCheck): string[] {
  const rows = t.services.map((s) => [
    s.service,
    s.outcome,
    s.latencyMs === null ? '-' : `${s.latencyMs} ms`,
    s.status === null ? '-' : String(s.status),
    s.code ?? '-',
    s.requestId ?? '-',
    s.endpoint ?? '-',
  ])
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]?.length ?? 0)))
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  const out = [`${t.target} (${t.provider} ${t.region})`, `  ${line(COLUMNS)}`]
  t.services.forEach((s, i) => {
    out.push(`  ${line(rows[i] ?? [])}`)
    if (s.message) out.push(`      ${s.message}`)
  })
  return [...out, '']
}
