import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'
import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import { loadConfig } from './lib/env.js'
import { ConfigError } from './lib/config.js'
import { createLogger } from './lib/logger.js'
import { systemClock } from './lib/clock.js'
import { createShutdown } from './lib/graceful-shutdown.js'
import { bootstrapAdmin, createPlatform } from './lib/platform.js'
import { createAppServices } from './workloads/services.js'

const SHUTDOWN_GRACE_MS = 10_000
const RECONCILE_EVERY_MS = 60_000

function readConfig() {
  try {
    return loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
}

const config = readConfig()
// The built SPA next to this bundle (apps/bff/dist → apps/web/dist) unless configured.
const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url))
if (!config.webDistDir && existsSync(defaultWebDist)) config.webDistDir = defaultWebDist
const log = createLogger({ level: config.logLevel })
if (config.demoMode) log.warn('no cloud configured: demo mode, the simulated cloud runs in-process')

const { platform, handle } = await createPlatform(config, log, systemClock)
await bootstrapAdmin(platform, (text) => process.stdout.write(text))
const services = createAppServices(platform)
const app = createApp({ ...platform, services })
// Registered before the first request, so other replicas leave this one's in-flight actions alone.
await platform.replica?.start()

// At start-up and then every minute: intents left open by a dead replica (or a previous run) are
// settled by reading state; live replicas' in-flight actions are left to them (workloads/reconcile.ts).
let reconcilePass: Promise<void> | null = null
const reconcile = (): Promise<void> =>
  (reconcilePass ??= services
    .reconcile()
    .catch((err: unknown) => log.error({ err }, 'reconciliation failed; open intents stay pending'))
    .finally(() => {
      reconcilePass = null
    }))
await reconcile()
const reconcileTimer = setInterval(() => void reconcile(), RECONCILE_EVERY_MS)
reconcileTimer.unref()

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log.info(
    {
      port: info.port,
      host: config.host,
      publicOrigin: config.publicOrigin,
      dialect: handle.dialect,
      demoMode: config.demoMode,
    },
    `listening; open ${config.publicOrigin}`,
  )
})

const shutdown = createShutdown({
  server,
  log,
  graceMs: SHUTDOWN_GRACE_MS,
  exit: (code) => process.exit(code),
  beforeDrain: () => services.workloads?.closeStreams(),
  cleanup: async () => {
    clearInterval(reconcileTimer)
    await reconcilePass
    await services.close()
    // Every queued audit append committed and the last chain head checkpointed.
    await platform.ledger.close()
    // After in-flight actions have recorded their outcomes: from now on others may reconcile ours.
    await platform.replica?.stop()
    await handle.close()
  },
})
// `on`, not `once`: a second signal during the drain must not fall back to the default (kill).
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))
