import { Pool } from 'undici'
import type { Workload, WorkloadList } from '@ops-console/contracts'
import { writeHeaders } from '../lib/bff-session.js'
import { percentile } from '../lib/stats.js'

type Op = 'list' | 'list-kind' | 'overview' | 'detail' | 'stop' | 'stream'

/** The mix: mostly reads, as operators' browsers send them, with stops in between. */
const MIX: [Op, number][] = [
  ['list', 40],
  ['list-kind', 25],
  ['overview', 10],
  ['detail', 10],
  ['stop', 14],
  ['stream', 1],
]
const KINDS = ['dli-flink-job', 'dataarts-job', 'codearts-build', 'modelarts-processor-version']

export interface LoadTally {
  requests: Record<Op, number>
  /** Failures of the BFF: network errors, 5xx other than UPSTREAM_*, 4xx but the expected ones. */
  errors: number
  /**
   * Answers about the cloud, by code: UPSTREAM_REJECTED (the cloud refused, e.g. a build that
   * finished between the pre-read and the stop) and UPSTREAM_UNAVAILABLE (shed by the client's
   * bulkhead, or the cloud down). Reported, not counted as BFF errors.
   */
  upstream: Record<string, number>
  /** Errors by `op status code` (e.g. `stop 503 UPSTREAM_UNAVAILABLE`). */
  errorKinds: Record<string, number>
  errorSamples: string[]
  /** Stops that found the workload already stopping/stopped (409), and details of vanished ones (404). */
  expectedRefusals: number
  latenciesMs: number[]
}

export interface LoadOptions {
  origin: string
  cookie: string
  connections: number
  durationMs: number
  /** Pause between one worker's requests (keeps a shared machine usable). */
  thinkMs: number
  /** Runs with every worker paused (nothing in flight), every `everyMs`: the world reset. */
  between?: { everyMs: number; run: () => Promise<void> }
}

function pick(): Op {
  const total = MIX.reduce((n, [, w]) => n + w, 0)
  let r = Math.random() * total
  for (const [op, w] of MIX) if ((r -= w) < 0) return op
  return 'list'
}

/** Closed-loop workers over one keep-alive pool; the pool is closed when the run ends. */
export async function runSoakLoad(o: LoadOptions): Promise<LoadTally> {
  const pool = new Pool(o.origin, { connections: o.connections + 2, keepAliveTimeout: 10_000 })
  const tally: LoadTally = {
    requests: { list: 0, 'list-kind': 0, overview: 0, detail: 0, stop: 0, stream: 0 },
    errors: 0,
    upstream: {},
    errorKinds: {},
    errorSamples: [],
    expectedRefusals: 0,
    latenciesMs: [],
  }
  let known: Workload[] = []
  const stoppable = () => known.filter((w) => w.actions.stop.allowed)
  const headers = { cookie: o.cookie }
  const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1)
  /** An answer that was not the expected one: a cloud answer (UPSTREAM_*) or a BFF error. */
  const fail = (op: Op, status: number | string, body = '') => {
    let code = ''
    try {
      code = (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? ''
    } catch {
      // not an error envelope
    }
    const key = `${op} ${status}${code ? ` ${code}` : ''}`
    if (code.startsWith('UPSTREAM_')) return void count(tally.upstream, key)
    tally.errors++
    count(tally.errorKinds, key)
    if (tally.errorSamples.length < 10) tally.errorSamples.push(`${key}: ${body.slice(0, 160)}`)
  }

  async function send(op: Op): Promise<void> {
    const kind = KINDS[Math.floor(Math.random() * KINDS.length)] ?? 'dli-flink-job'
    const any = known[Math.floor(Math.random() * known.length)]
    if (op === 'stream') {
      // An event stream opened and dropped after a moment: its poller must go away with it.
      const ac = new AbortController()
      const res = await pool.request({
        path: '/api/workloads/stream',
        method: 'GET',
        headers,
        signal: ac.signal,
      })
      if (res.statusCode !== 200) fail('stream', res.statusCode)
      setTimeout(() => ac.abort(), 2_000)
      await res.body.dump({ limit: Number.MAX_SAFE_INTEGER }).catch(() => undefined)
      return
    }
    if (op === 'stop') {
      const w = stoppable()[Math.floor(Math.random() * stoppable().length)]
      if (!w) return send('list-kind')
      known = known.filter((x) => x !== w)
      const res = await pool.request({
        path: `/api/workloads/${w.kind}/${w.target}/${w.id}/stop`,
        method: 'POST',
        headers: writeHeaders(o.origin, o.cookie),
        body: JSON.stringify({ reason: 'soak test' }),
      })
      const text = await res.body.text()
      if (res.statusCode === 409) tally.expectedRefusals++
      else if (res.statusCode !== 200) fail('stop', res.statusCode, text)
      return
    }
    const path =
      op === 'list'
        ? `/api/workloads?limit=200&offset=${Math.floor(Math.random() * 100)}`
        : op === 'list-kind'
          ? `/api/workloads/${kind}?state=active&limit=500`
          : op === 'overview'
            ? '/api/workloads/overview'
            : any
              ? `/api/workloads/${any.kind}/${any.target}/${any.id}`
              : '/api/workloads/overview'
    const res = await pool.request({ path, method: 'GET', headers })
    const text = await res.body.text()
    if (op === 'detail' && res.statusCode === 404) tally.expectedRefusals++
    else if (res.statusCode !== 200) fail(op, res.statusCode, text)
    else if (op === 'list-kind')
      known = [...known.filter((w) => w.kind !== kind), ...(JSON.parse(text) as WorkloadList).items]
  }

  const until = Date.now() + o.durationMs
  // A pause gate: `between` waits for every in-flight request, runs, then lets the workers go on.
  const pause: { gate: Promise<void> | null } = { gate: null }
  let inFlight = 0
  let drained: (() => void) | null = null
  const timer = o.between
    ? setInterval(() => {
        pause.gate ??= (async () => {
          await new Promise<void>((resolve) => (inFlight === 0 ? resolve() : (drained = resolve)))
          await o.between?.run()
          known = []
          pause.gate = null
        })()
      }, o.between.everyMs)
    : null
  const worker = async () => {
    while (Date.now() < until) {
      if (pause.gate) {
        await pause.gate
        continue
      }
      const op = pick()
      inFlight++
      const started = performance.now()
      try {
        await send(op)
      } catch (err) {
        fail(op, 'network', err instanceof Error ? err.message : String(err))
      }
      if (--inFlight === 0) drained?.()
      tally.requests[op]++
      tally.latenciesMs.push(performance.now() - started)
      await new Promise((r) => setTimeout(r, o.thinkMs))
    }
  }
  try {
    await Promise.all(Array.from({ length: o.connections }, worker))
  } finally {
    if (timer) clearInterval(timer)
    await pause.gate
    await pool.close()
  }
  return tally
}

export const p = (tally: LoadTally, q: number) =>
  Math.round(percentile(tally.latenciesMs, q) * 10) / 10
