import { request } from 'undici'
import { login } from '../lib/bff-session.js'
import { connectHeapProbe } from './heap-probe.js'
import { procStats, settle, type ProcStats } from './proc-stats.js'
import { p, runSoakLoad, type LoadTally } from './soak-load.js'
import { startSoakStack } from './soak-stack.js'

/**
 * `npm run soak` (not part of `npm test`): mixed list/stop load against a real BFF process and
 * the simulator for SOAK_MINUTES (default 5), then the figures that show a leak: RSS growth from
 * the warmed-up baseline, open file descriptors (sockets included) idle before vs idle after,
 * and errors. Targets: growth < 50 MB, descriptors back to baseline, 0 errors; exit 1 otherwise.
 */
const minutes = Number(process.env.SOAK_MINUTES ?? 5)
const connections = Number(process.env.SOAK_CONNECTIONS ?? 8)
const thinkMs = Number(process.env.SOAK_THINK_MS ?? 20)
const WARMUP_MS = 60_000
const RESET_EVERY_MS = 30_000
const MAX_GROWTH_MB = 50

const log = (line: string) => process.stdout.write(`${line}\n`)
const fmt = (s: ProcStats) => `RSS ${s.rssMb} MB, ${s.fds} fds (${s.sockets} sockets)`

const stack = await startSoakStack()
let code: number
try {
  const { origin, pid } = stack.bff
  const cookie = await login(origin, 'operator')
  const heap = await connectHeapProbe(stack.bff.inspectorUrl)
  // The simulator's world is reset every 30 s (with no request in flight) so there are running
  // workloads left to stop; a reset under a request would make the cloud refuse it, not the BFF.
  const resetWorld = async () => {
    const r = await request(`${stack.sim.info.origin}/__sim/reset`, { method: 'POST', body: '{}' })
    await r.body.dump()
  }
  const load = (durationMs: number) =>
    runSoakLoad({
      origin,
      cookie,
      connections,
      durationMs,
      thinkMs,
      between: { everyMs: RESET_EVERY_MS, run: resetWorld },
    })

  log(`soak: warming up for ${WARMUP_MS / 1000} s (${connections} connections)`)
  const warm = await load(WARMUP_MS)
  const before = await settle(pid)
  // Both ends are measured idle and right after a forced full GC, so they compare like with like.
  const memBefore = await heap.afterGc()
  log(`soak: idle after warm-up: ${fmt(before)}; after a full GC: ${JSON.stringify(memBefore)}`)

  const samples: ProcStats[] = []
  const sampler = setInterval(() => {
    samples.push(procStats(pid))
    // One progress line a minute: a leak shows as a steady climb, a warming heap levels off.
    if (samples.length % 12 === 0)
      log(`soak: ${samples.length / 12} min: ${fmt(samples.at(-1) as ProcStats)}`)
  }, 5_000)
  log(`soak: ${minutes} min of load`)
  const started = Date.now()
  const run: LoadTally = await load(minutes * 60_000)
  const seconds = (Date.now() - started) / 1000
  clearInterval(sampler)
  const after = await settle(pid)
  const memAfter = await heap.afterGc()
  heap.close()

  const peak = Math.max(before.rssMb, ...samples.map((s) => s.rssMb))
  const growth = Math.round((memAfter.rssMb - memBefore.rssMb) * 10) / 10
  const total = Object.values(run.requests).reduce((a, b) => a + b, 0)
  const errors = warm.errors + run.errors
  log('')
  log(`soak results (${minutes} min, ${connections} connections, ${thinkMs} ms think time)`)
  log(
    `  requests       ${total} (${Math.round(total / seconds)}/s): ${JSON.stringify(run.requests)}`,
  )
  log(`  latency        p50 ${p(run, 50)} ms, p99 ${p(run, 99)} ms`)
  log(
    `  refusals       ${run.expectedRefusals} expected (409 already stopping/stopped, 404 after a world reset)`,
  )
  const kinds = { ...warm.errorKinds }
  for (const [k, n] of Object.entries(run.errorKinds)) kinds[k] = (kinds[k] ?? 0) + n
  log(`  errors         ${errors} ${JSON.stringify(kinds)}   (target 0)`)
  const upstream = { ...warm.upstream }
  for (const [k, n] of Object.entries(run.upstream)) upstream[k] = (upstream[k] ?? 0) + n
  log(`  cloud answers  ${JSON.stringify(upstream)} (refusals and shedding, not BFF errors)`)
  for (const sample of [...warm.errorSamples, ...run.errorSamples].slice(0, 3))
    log(`                 e.g. ${sample}`)
  log(
    `  RSS            after GC: baseline ${memBefore.rssMb} MB, after ${memAfter.rssMb} MB, growth ${growth} MB   (target < ${MAX_GROWTH_MB} MB); peak under load ${peak} MB`,
  )
  log(
    `  heap after GC  before ${memBefore.heapUsedMb} MB, after ${memAfter.heapUsedMb} MB (external ${memBefore.externalMb} → ${memAfter.externalMb} MB): what a leak would grow`,
  )
  log(
    `  open fds       before ${before.fds} (${before.sockets} sockets), after ${after.fds} (${after.sockets} sockets)   (target: back to baseline)`,
  )
  const ok = errors === 0 && growth < MAX_GROWTH_MB && after.fds <= before.fds
  log(`  verdict        ${ok ? 'PASS' : 'FAIL'}`)
  code = ok ? 0 : 1
} finally {
  await stack.stop()
}
process.exit(code)
