import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createUserStore } from '@ops-console/bff/src/auth/users.js'
import { createDb, migrateToLatest } from '@ops-console/bff/src/db/create-db.js'
import { systemClock } from '@ops-console/bff/src/lib/clock.js'
import { BENCH_PASSWORD } from '../lib/bff-session.js'
import { stopChild } from '../lib/child.js'
import { simTargetConfigs, startSim, type SimHost } from '../lib/servers.js'

const BFF_DIR = fileURLToPath(new URL('../../../../apps/bff', import.meta.url))

export interface SoakStack {
  sim: SimHost
  bff: { origin: string; pid: number; process: ChildProcess; inspectorUrl: string }
  stop(): Promise<void>
}

/** A loopback port that was free a moment ago (PUBLIC_ORIGIN must name it before the BFF starts). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
    probe.once('error', reject)
  })
}

/**
 * The real BFF as it ships: the esbuild bundle of `apps/bff/src/index.ts` (built first, well under
 * a second), in its own Node process on a fresh SQLite file, against the simulator in another
 * process, with an `operator` account seeded.
 */
export async function startSoakStack(): Promise<SoakStack> {
  const dir = mkdtempSync(join(tmpdir(), 'ops-soak-'))
  const sqlitePath = join(dir, 'ops.db')
  const db = createDb({ database: { sqlitePath } })
  await migrateToLatest(db.db)
  await createUserStore(db.db, systemClock).create({
    username: 'operator',
    role: 'operator',
    password: BENCH_PASSWORD,
  })
  await db.close()

  // Stops always succeed (errors then mean the BFF misbehaved); idle sim sockets close after 2 s.
  const sim = await startSim({ seed: 42, size: 30, stopFailureRate: 0, keepAliveMs: 2_000 })
  const targets = simTargetConfigs(sim.info.defaults, 2)
  const endpoints = Object.fromEntries(
    ['iam', 'dataarts', 'codearts', 'dli', 'modelarts'].map((s) => [
      `CLOUD_ENDPOINT_${s.toUpperCase()}`,
      `${sim.info.origin}/${s}`,
    ]),
  )
  const built = spawnSync(process.execPath, ['build.mjs'], { cwd: BFF_DIR, stdio: 'ignore' })
  if (built.status !== 0)
    throw new Error('building the BFF bundle failed (node apps/bff/build.mjs)')
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  // The inspector (loopback, ephemeral port) lets the soak force a GC and read the heap.
  const child = spawn(process.execPath, ['--inspect=127.0.0.1:0', 'dist/index.js'], {
    cwd: BFF_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: origin,
      SQLITE_PATH: sqlitePath,
      WEB_DIST_DIR: '/nonexistent-web-dist',
      CLOUD_TARGETS: JSON.stringify(targets),
      CLOUD_DOMAIN: sim.info.defaults.user.domain,
      CLOUD_USER: sim.info.defaults.user.name,
      CLOUD_PASSWORD: sim.info.defaults.user.password,
      ...endpoints,
      STOP_WATCH_TIMEOUT_MS: '10000',
      STOP_WATCH_POLL_MS: '1000',
      SHUTDOWN_DELAY_MS: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const inspectorUrl = new Promise<string>((resolve) => {
    createInterface({ input: child.stderr }).on('line', (line) => {
      const url = /ws:\/\/127\.0\.0\.1:\d+\/[\w-]+/.exec(line)?.[0]
      if (url) resolve(url)
      else if (!/^(Debugger|For help)/.test(line)) process.stderr.write(`${line}\n`)
    })
  })
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the BFF exited during start-up (${code})`)))
    // Every line is read (and dropped) for the whole run, so the pipe never fills.
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.includes('"msg":"listening')) resolve()
    })
  })
  return {
    sim,
    bff: { origin, pid: child.pid ?? 0, process: child, inspectorUrl: await inspectorUrl },
    async stop() {
      await stopChild(child, 10_000)
      await sim.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
