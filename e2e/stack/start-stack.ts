/**
 * Starts the product for the end-to-end tests: the cloud simulator (served here, so the specs can
 * reach its `/__sim` control API to inject faults), and the BFF on a fresh temporary SQLite
 * database, configured against the simulator and serving the built SPA. The admin, operator and
 * viewer accounts are created through the BFF's users CLI, as an operator would.
 * Run by Playwright's `webServer`; stops everything on SIGTERM/SIGINT.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { createCloudClient } from '@ops-console/cloud-client'
import { createCloudSim } from '@ops-console/cloud-sim'
import { E2E_PASSWORD, E2E_PORT, E2E_SIM_PORT, SIM_URL, USERS } from '../env.js'

const root = resolve(import.meta.dirname, '../..')
const dataDir = mkdtempSync(join(tmpdir(), 'ops-console-e2e-'))

// Stops never fail at random here (specs make failures explicit with faults), and take a few
// seconds, so "stopping…" is observable even on a slow CI machine.
const size = process.env.E2E_SIM_SIZE === 'large' ? 'large' : 'small'
const sim = createCloudSim({ seed: 7, size, clock: 'real', stopFailureRate: 0, stopDelayMs: 6000 })
const { defaults } = sim
const targets = defaults.projects.map((p) => ({
  name: p.region,
  region: p.region,
  projectId: p.id,
  workspace: defaults.workspaceId,
  codeartsProjectIds: defaults.codeartsProjectIds[p.region] ?? [],
}))

/** Script names per target, for specs that execute a script (the sim world is generated from the seed). */
async function scriptNames(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {}
  for (const t of targets) {
    const client = createCloudClient({
      region: t.region,
      projectId: t.projectId,
      workspace: t.workspace,
      credentials: { type: 'aksk', ak: defaults.aksk.ak, sk: defaults.aksk.sk },
      endpoints: { dataarts: `${SIM_URL}/dataarts` },
      allowInsecureLoopback: true,
      fetch: (input, init) => sim.fetch(input, init),
    })
    const { data } = await client.dataarts.listScripts({ limit: 100 })
    // Scripts named *_broken_* always fail upstream by design; specs want ones that run.
    out[t.name] = data.scripts.map((s) => s.name).filter((n) => !n.includes('_broken_'))
  }
  return out
}
const info = { targets: targets.map((t) => t.name), scripts: await scriptNames() }

// `/__e2e/info` for the specs; everything else is the simulator (cloud APIs and its `/__sim` control API).
const simServer = serve({
  fetch: (req: Request) =>
    new URL(req.url).pathname === '/__e2e/info' ? Response.json(info) : sim.app.fetch(req),
  port: E2E_SIM_PORT,
  hostname: '127.0.0.1',
})
const services = ['iam', 'dataarts', 'codearts', 'dli', 'modelarts'] as const

const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NODE_ENV: 'test',
  PORT: String(E2E_PORT),
  HOST: '127.0.0.1',
  PUBLIC_ORIGIN: `http://localhost:${E2E_PORT}`,
  SQLITE_PATH: join(dataDir, 'ops-console.db'),
  WEB_DIST_DIR: join(root, 'apps/web/dist'),
  CLOUD_TARGETS: JSON.stringify(targets),
  CLOUD_AK: defaults.aksk.ak,
  CLOUD_SK: defaults.aksk.sk,
  ...Object.fromEntries(
    services.map((s) => [`CLOUD_ENDPOINT_${s.toUpperCase()}`, `${SIM_URL}/${s}`]),
  ),
  STOP_WATCH_POLL_MS: '500',
  STOP_WATCH_TIMEOUT_MS: '30000',
  LOG_LEVEL: 'warn',
  // The stack is torn down at once; no load balancer needs to see /readyz turn 503 first.
  SHUTDOWN_DELAY_MS: '0',
}

const tsx = ['--import', 'tsx']
for (const u of Object.values(USERS)) {
  const res = spawnSync(
    process.execPath,
    [...tsx, 'src/cli/users.ts', 'add', u.username, u.role, u.displayName],
    {
      cwd: join(root, 'apps/bff'),
      env: { ...env, OPS_CONSOLE_PASSWORD: E2E_PASSWORD },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  if (res.status !== 0) throw new Error(`users CLI failed for ${u.username}`)
}

const bff: ChildProcess = spawn(process.execPath, [...tsx, 'src/index.ts'], {
  cwd: join(root, 'apps/bff'),
  env,
  stdio: 'inherit',
})

let stopping = false
function stop(code: number) {
  if (stopping) return
  stopping = true
  bff.kill('SIGTERM')
  simServer.close()
  rmSync(dataDir, { recursive: true, force: true })
  process.exit(code)
}
bff.on('exit', (code) => stop(code ?? 1))
process.once('SIGTERM', () => stop(0))
process.once('SIGINT', () => stop(0))
