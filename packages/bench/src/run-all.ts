import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { benchAuditQuery } from './audit-query.js'
import { benchBffList } from './bff-list.js'
import { benchJsonParse } from './json-parse.js'
import { benchOverviewFanout } from './overview-fanout.js'
import { benchStopAudit } from './stop-audit.js'
import { benchSpa } from './spa.js'
import { benchUpstreamCalls } from './upstream-calls.js'
import { formatNotes, formatTable, progress, type BenchResult } from './lib/report.js'

/**
 * `npm run bench`: every benchmark, one after the other (never in parallel: they would steal
 * each other's CPU), then one table. A benchmark that fails is reported and the rest still run.
 * BENCH_ONLY=name1,name2 runs a subset; BENCH_JSON=path also writes the results as JSON.
 */
const BENCHES: Record<string, () => Promise<BenchResult>> = {
  'bff-list': benchBffList,
  'stop-audit': benchStopAudit,
  'overview-fanout': benchOverviewFanout,
  'upstream-calls': benchUpstreamCalls,
  'audit-query': benchAuditQuery,
  spa: benchSpa,
  'json-parse': benchJsonParse,
}

const only = process.env.BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean)
const results: BenchResult[] = []
const started = Date.now()
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only && !only.includes(name)) continue
  progress(`running ${name}`)
  try {
    results.push(await bench())
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    results.push({
      name,
      figures: [{ figure: 'error', value: message.slice(0, 200), met: false }],
      notes: [],
    })
  }
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`
console.log(
  `\nops-console benchmarks — ${new Date().toISOString()} — ${machine} — ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
)
console.log(formatTable(results))
const notes = formatNotes(results)
if (notes) console.log(`\n${notes}`)
if (process.env.BENCH_JSON)
  writeFileSync(
    process.env.BENCH_JSON,
    JSON.stringify({ machine, at: new Date().toISOString(), results }, null, 2),
  )
if (results.some((r) => r.figures.some((f) => f.figure === 'error'))) process.exitCode = 1
