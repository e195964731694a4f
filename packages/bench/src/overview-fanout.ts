import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WORKLOAD_KINDS } from '@ops-console/contracts'
import { getJson, login } from './lib/bff-session.js'
import { progress, runIfMain, type BenchResult } from './lib/report.js'
import { simRequestCount, simTargetConfigs, startBff, startSim } from './lib/servers.js'
import { median, ms, percentile, ratio } from './lib/stats.js'

const SAMPLES = 10
/** Injected per-service latency (sim `latency` faults); IAM stays fast. */
const LATENCY_MS = { dataarts: 50, codearts: 100, dli: 150, modelarts: 200 } as const

async function sample(url: string, cookie: string): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now()
    await getJson(url, { cookie })
    out.push(performance.now() - t0)
  }
  return out
}

/**
 * Figure 3: the overview fans out over every (target, kind) source in parallel, so with injected
 * per-service latency it should cost about as much as the slowest single source, not the sum.
 * Compared with the slowest single-kind list through the same BFF, in the same run, sequentially
 * (no overlapping requests, so in-flight sharing cannot help either side), list cache off.
 */
export async function benchOverviewFanout(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fanout-'))
  const sim = await startSim({ seed: 42, size: 'small', clock: 'real', stopFailureRate: 0 })
  // Cold reads: the BFF's short list cache is switched off here, or sequential samples would
  // measure the cache (0 upstream calls) instead of the fan-out. Its effect is figure 4's subject.
  const bff = await startBff(sim, {
    database: { sqlitePath: join(dir, 'bff.db') },
    targets: simTargetConfigs(sim.info.defaults),
    listCacheTtlMs: 0,
  })
  try {
    const cookie = await login(bff.info.origin, 'viewer')
    const base = bff.info.origin
    await getJson(`${base}/api/workloads/overview`, { cookie }) // token, pools, JIT
    for (const [service, latency] of Object.entries(LATENCY_MS)) {
      await fetch(`${sim.info.origin}/__sim/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ service, kind: 'latency', ms: latency }),
      })
    }
    const singles: { kind: string; samples: number[]; calls: number }[] = []
    for (const kind of WORKLOAD_KINDS) {
      progress(`overview-fanout: ${kind}`)
      await simRequestCount(sim, true)
      const samples = await sample(`${base}/api/workloads/${kind}?limit=1`, cookie)
      singles.push({ kind, samples, calls: (await simRequestCount(sim)) / SAMPLES })
    }
    progress('overview-fanout: overview')
    await simRequestCount(sim, true)
    const overview = await sample(`${base}/api/workloads/overview`, cookie)
    const overviewCalls = (await simRequestCount(sim)) / SAMPLES
    const slowest = singles.reduce((a, b) => (median(b.samples) > median(a.samples) ? b : a))
    const r = ratio(median(overview), median(slowest.samples))
    return {
      name: 'overview fan-out',
      figures: [
        {
          figure: 'overview median, p99',
          value: `${ms(median(overview))}, ${ms(percentile(overview, 99))}`,
        },
        {
          figure: `slowest single kind (${slowest.kind}) median, p99`,
          value: `${ms(median(slowest.samples))}, ${ms(percentile(slowest.samples, 99))}`,
        },
        {
          figure: 'overview ÷ slowest single kind (median)',
          value: `${r}×`,
          target: '≤ 1.2×',
          met: r <= 1.2,
        },
        {
          figure: 'overview ÷ slowest injected latency (200 ms)',
          value: `${ratio(median(overview), 200)}×`,
        },
      ],
      notes: [
        `injected latency per service request: ${Object.entries(LATENCY_MS)
          .map(([s, v]) => `${s} ${v} ms`)
          .join(
            ', ',
          )}; ${sim.info.defaults.projects.length} targets, small world; ${SAMPLES} sequential samples each; BFF list cache off (listCacheTtlMs 0) so every sample is a cold fan-out.`,
        `single kinds (median, upstream calls per request): ${singles.map((s) => `${s.kind} ${ms(median(s.samples))} (${s.calls.toFixed(1)})`).join('; ')}; overview ${overviewCalls.toFixed(1)} upstream calls per request.`,
      ],
    }
  } finally {
    await bff.stop()
    await sim.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

runIfMain(import.meta.url, benchOverviewFanout)
