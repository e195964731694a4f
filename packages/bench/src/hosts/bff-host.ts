import { createWriteStream } from 'node:fs'
import { serve } from '@hono/node-server'
import type { Role } from '@ops-console/contracts'
import { createApp } from '@ops-console/bff/src/app.js'
import { parseConfig, type TargetConfig } from '@ops-console/bff/src/lib/config.js'
import { createLogger } from '@ops-console/bff/src/lib/logger.js'
import { systemClock } from '@ops-console/bff/src/lib/clock.js'
import { createPlatform } from '@ops-console/bff/src/lib/platform.js'
import { createAppServices } from '@ops-console/bff/src/workloads/services.js'
import { announceReady, hostConfig } from '../lib/child.js'
import { startCpuProfile } from '../lib/cpu-profile.js'
import type { SimUserCreds } from '../lib/sim-token.js'

export interface BffHostConfig {
  simOrigin: string
  simUser: SimUserCreds
  targets: TargetConfig[]
  /** SQLite file path, or a postgres:// URL. */
  database: { sqlitePath: string } | { url: string }
  users: { username: string; role: Role; password: string }[]
  webDistDir?: string
  /** The workloads list cache TTL (createAppServices option); unset = the product default. */
  listCacheTtlMs?: number
  /** Extra environment for the BFF config (e.g. STOP_WATCH_POLL_MS). */
  env?: Record<string, string>
}

type Fetch = (req: Request, env: unknown) => Response | Promise<Response>

/**
 * The real BFF (createApp + the workloads services, as src/index.ts wires them) on an ephemeral
 * loopback port, configured like a production deployment against the simulator's socket: the
 * cloud client's default undici transport, password credentials (cached IAM token), the platform
 * database, info-level JSON logs (written to /dev/null so the pipe to the parent stays quiet).
 */
const cfg = hostConfig<BffHostConfig>()
let handler: Fetch = () => new Response('starting', { status: 503 })
const server = serve({
  fetch: (req: Request, env: unknown) => handler(req, env),
  port: 0,
  hostname: '127.0.0.1',
})
await new Promise<void>((resolve) =>
  server.listening ? resolve() : server.once('listening', () => resolve()),
)
const address = server.address()
const port = typeof address === 'object' && address ? address.port : 0
const origin = `http://127.0.0.1:${port}`

const endpoints = Object.fromEntries(
  ['iam', 'dataarts', 'codearts', 'dli', 'modelarts'].map((s) => [
    `CLOUD_ENDPOINT_${s.toUpperCase()}`,
    `${cfg.simOrigin}/${s}`,
  ]),
)
const config = parseConfig({
  NODE_ENV: 'development',
  PORT: String(port),
  HOST: '127.0.0.1',
  PUBLIC_ORIGIN: origin,
  CLOUD_TARGETS: JSON.stringify(cfg.targets),
  CLOUD_DOMAIN: cfg.simUser.domain,
  CLOUD_USER: cfg.simUser.name,
  CLOUD_PASSWORD: cfg.simUser.password,
  ...endpoints,
  ...('url' in cfg.database
    ? { DATABASE_URL: cfg.database.url }
    : { SQLITE_PATH: cfg.database.sqlitePath }),
  SESSION_COOKIE_SECURE: 'false',
  LOG_LEVEL: 'info',
  ...(cfg.webDistDir ? { WEB_DIST_DIR: cfg.webDistDir } : {}),
  ...cfg.env,
})
const log = createLogger({ level: config.logLevel, stream: createWriteStream('/dev/null') })
const { platform, handle } = await createPlatform(config, log, systemClock)
for (const u of cfg.users) await platform.users.create(u)
const services = createAppServices(
  platform,
  cfg.listCacheTtlMs === undefined ? {} : { listCacheTtlMs: cfg.listCacheTtlMs },
)
const app = createApp({ ...platform, services })
handler = (req, env) => app.fetch(req, env as never)
const stopProfile = await startCpuProfile(process.env.BENCH_CPU_PROF)
announceReady({ origin, dialect: handle.dialect })

process.once('SIGTERM', () => {
  server.close()
  const closing = Promise.all([stopProfile(), services.close(), handle.close()])
  const timeout = new Promise((resolve) => setTimeout(resolve, 3000))
  void Promise.race([closing, timeout]).then(() => process.exit(0))
})
