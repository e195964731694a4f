import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Pool } from 'undici'
import { BENCH_PASSWORD, getJson, login } from './lib/bff-session.js'
import { progress, runIfMain, type BenchResult, type Figure } from './lib/report.js'
import { simRequestCount, simTargetConfigs, startBff, startSim } from './lib/servers.js'
import { ms, percentile } from './lib/stats.js'

const VIEWERS = [10, 100, 500]
/** The SPA's idle auto-refresh of a list (apps/web use-workload-list.ts IDLE_POLL_MS). */
const POLL_MS = 15_000
/** One full poll period per level, so every viewer polls exactly once in the window. */
const WINDOW_MS = POLL_MS
const ACCOUNTS = 10
const LIST_PATH = '/api/workloads?limit=20000'

/**
 * `viewers` browsers each polling the all-kinds list every POLL_MS on a fixed schedule (open loop,
 * phases spread evenly over the period, like tabs opened at random times), for one period.
 */
async function pollWindow(
  origin: string,
  cookies: string[],
  viewers: number,
): Promise<{ polls: number; failed: number; p99: number }> {
  const pool = new Pool(origin, { connections: viewers, keepAliveTimeout: 30_000 })
  const latencies: number[] = []
  let failed = 0
  const start = performance.now()
  try {
    await Promise.all(
      Array.from({ length: viewers }, async (_, v) => {
        const phase = (v / viewers) * POLL_MS
        for (let at = phase; at < WINDOW_MS; at += POLL_MS) {
          const wait = start + at - performance.now()
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
          const t0 = performance.now()
          try {
            const res = await pool.request({
              path: LIST_PATH,
              method: 'GET',
              headers: { cookie: cookies[v % cookies.length] ?? '' },
            })
            await res.body.dump({ limit: Number.MAX_SAFE_INTEGER })
            if (res.statusCode >= 300) failed++
            latencies.push(performance.now() - t0)
          } catch {
            failed++
          }
        }
      }),
    )
  } finally {
    await pool.close()
  }
  return { polls: latencies.length, failed, p99: percentile(latencies, 99) }
}

/**
 * Figure 4: upstream calls per second the BFF makes while N viewers poll the list. Counted at
 * the simulator (every service request it receives). Without a shared cache this grows
 * linearly with viewers; with coalescing it should stay flat.
 */
export async function benchUpstreamCalls(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-upstream-'))
  const sim = await startSim({ seed: 42, size: 'small', clock: 'real', stopFailureRate: 0 })
  const users = Array.from({ length: ACCOUNTS }, (_, i) => ({
    username: `viewer${i + 1}`,
    role: 'viewer' as const,
    password: BENCH_PASSWORD,
  }))
  const bff = await startBff(sim, {
    database: { sqlitePath: join(dir, 'bff.db') },
    targets: simTargetConfigs(sim.info.defaults),
    users,
  })
  const figures: Figure[] = []
  const notes: string[] = []
  try {
    const cookies = await Promise.all(users.map((u) => login(bff.info.origin, u.username)))
    await simRequestCount(sim, true)
    await getJson(`${bff.info.origin}${LIST_PATH}`, { cookie: cookies[0] ?? '' })
    const perPoll = await simRequestCount(sim)
    for (const viewers of VIEWERS) {
      progress(`upstream-calls: ${viewers} viewers for ${WINDOW_MS / 1000} s`)
      await simRequestCount(sim, true)
      const r = await pollWindow(bff.info.origin, cookies, viewers)
      const calls = await simRequestCount(sim)
      const seconds = WINDOW_MS / 1000
      figures.push({
        figure: `${viewers} viewers: upstream calls/s (BFF polls/s)`,
        value: `${(calls / seconds).toFixed(1)} (${(r.polls / seconds).toFixed(1)}), poll p99 ${ms(r.p99)}`,
      })
      notes.push(
        `${viewers} viewers: ${calls} upstream calls for ${r.polls} polls (${(calls / Math.max(1, r.polls)).toFixed(2)} per poll), ${r.failed} failed.`,
      )
    }
    notes.push(
      `one isolated poll of \`GET ${LIST_PATH}\` costs ${perPoll} upstream calls (${sim.info.defaults.projects.length} targets × every kind, small world); each viewer polls every ${POLL_MS / 1000} s (the SPA's idle refresh), one ${WINDOW_MS / 1000} s window per level; ${ACCOUNTS} accounts shared round-robin.`,
    )
  } finally {
    await bff.stop()
    await sim.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  return { name: 'upstream calls', figures, notes }
}

runIfMain(import.meta.url, benchUpstreamCalls)
