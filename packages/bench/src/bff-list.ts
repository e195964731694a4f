import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getJson, login } from './lib/bff-session.js'
import { startHost } from './lib/child.js'
import { runLoad, type LoadResult } from './lib/load.js'
import { progress, runIfMain, type BenchResult } from './lib/report.js'
import { simRequestCount, startBff, startSim } from './lib/servers.js'
import { simToken } from './lib/sim-token.js'
import { median, ms, ratio } from './lib/stats.js'

const CONNECTIONS = 16
const ROUND_MS = 3000
const ROUNDS = 5

interface Contender {
  label: string
  origin: string
  path: string
  headers: Record<string, string>
  results: LoadResult[]
  upstreamCalls: number
}

/**
 * Figure 1: list throughput and p99 of the BFF vs the simulator hit directly vs a minimal raw
 * node:http proxy — one project's DLI jobs, the same upstream request in all three cases.
 * Contenders alternate round by round so drift (GC, thermal) hits all of them alike.
 */
export async function benchBffList(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-list-'))
  const sim = await startSim({ seed: 42, size: 'small', clock: 'real', stopFailureRate: 0 })
  const project = sim.info.defaults.projects[0]
  if (!project) throw new Error('the simulator has no project')
  const [raw, bff] = await Promise.all([
    startHost<{ origin: string }>('raw-proxy-host', {
      simOrigin: sim.info.origin,
      user: sim.info.defaults.user,
      region: project.region,
    }),
    startBff(sim, { database: { sqlitePath: join(dir, 'bff.db') } }),
  ])
  try {
    const cookie = await login(bff.info.origin, 'viewer')
    const bffPath = `/api/workloads/dli-flink-job?target=${project.region}`
    await getJson(`${bff.info.origin}${bffPath}`, { cookie })
    // Replay exactly the upstream request the BFF made, so all three serve the same route.
    const log = await getJson<{
      requests: { method: string; path: string; query: Record<string, string> }[]
    }>(`${sim.info.origin}/__sim/requests`)
    const listCall = log.requests
      .reverse()
      .find((r) => r.method === 'GET' && r.path.endsWith('/streaming/jobs'))
    if (!listCall) throw new Error('the BFF made no DLI list call')
    const upstreamPath = `/dli${listCall.path}?${new URLSearchParams(listCall.query).toString()}`
    const token = await simToken(sim.info.origin, sim.info.defaults.user, project.region)
    const contenders: Contender[] = [
      {
        label: 'simulator direct',
        origin: sim.info.origin,
        path: upstreamPath,
        headers: { 'x-auth-token': token },
        results: [],
        upstreamCalls: 0,
      },
      {
        label: 'raw node:http proxy',
        origin: raw.info.origin,
        path: upstreamPath,
        headers: {},
        results: [],
        upstreamCalls: 0,
      },
      {
        label: 'BFF',
        origin: bff.info.origin,
        path: bffPath,
        headers: { cookie },
        results: [],
        upstreamCalls: 0,
      },
    ]
    for (let round = 0; round < ROUNDS; round++) {
      for (const c of contenders) {
        progress(`bff-list round ${round + 1}/${ROUNDS}: ${c.label}`)
        await simRequestCount(sim, true)
        const r = await runLoad({
          origin: c.origin,
          path: c.path,
          headers: c.headers,
          connections: CONNECTIONS,
          durationMs: ROUND_MS,
          warmupRequests: round === 0 ? 300 : 50,
        })
        c.upstreamCalls += await simRequestCount(sim)
        c.results.push(r)
      }
    }
    const summary = contenders.map((c) => {
      const requests = c.results.reduce((n, r) => n + r.requests, 0)
      const failed = c.results.reduce(
        (n, r) => n + r.errors + Object.values(r.statuses).reduce((a, b) => a + b, 0),
        0,
      )
      return {
        ...c,
        rps: median(c.results.map((r) => r.rps)),
        p99: median(c.results.map((r) => r.p99)),
        requests,
        failed,
      }
    })
    const [direct, rawProxy, viaBff] = summary as [
      (typeof summary)[0],
      (typeof summary)[0],
      (typeof summary)[0],
    ]
    const vsRaw = ratio(viaBff.rps, rawProxy.rps)
    return {
      name: 'list throughput',
      figures: [
        ...summary.map((s) => ({
          figure: `${s.label}: req/s, p99`,
          value: `${s.rps.toFixed(0)} req/s, p99 ${ms(s.p99)}`,
        })),
        {
          figure: 'BFF ÷ raw proxy throughput',
          value: `${vsRaw}×`,
          target: '≥ 0.8×',
          met: vsRaw >= 0.8,
        },
        { figure: 'raw proxy ÷ direct throughput', value: `${ratio(rawProxy.rps, direct.rps)}×` },
        { figure: 'BFF p99 ÷ raw proxy p99', value: `${ratio(viaBff.p99, rawProxy.p99)}×` },
        {
          figure: 'upstream calls per BFF request',
          value: (viaBff.upstreamCalls / Math.max(1, viaBff.requests)).toFixed(2),
        },
      ],
      notes: [
        `${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s each (median shown); one project's DLI jobs (${listCall.query.limit ?? '?'} per page, one upstream page); BFF with one target, SQLite, password credentials (cached token), info logs to /dev/null.`,
        `failed requests: ${summary.map((s) => `${s.label} ${s.failed}/${s.requests}`).join(', ')}.`,
      ],
    }
  } finally {
    await Promise.all([bff.stop(), raw.stop()])
    await sim.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

runIfMain(import.meta.url, benchBffList)
