import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'
import { createApp } from './app.js'
import { loadConfig, loadConfigWarnings } from './lib/env.js'
import { createLogger } from './lib/logger.js'
import { systemClock } from './lib/clock.js'
import { createShutdown } from './lib/graceful-shutdown.js'
import { listen } from './lib/http-server.js'
import { bootstrapAdmin, createPlatform } from './lib/platform.js'
import { startupFailureLines } from './lib/startup-failure.js'
import { createAppServices } from './workloads/services.js'

const SHUTDOWN_GRACE_MS = 10_000
const RECONCILE_EVERY_MS = 60_000

/** Cannot start: one clear line per problem on stderr and exit 1, never a stack trace. */
function refuseToStart(err: unknown): never {
  for (const line of startupFailureLines(err)) process.stderr.write(`${line}\n`)
  process.exit(1)
}

async function start() {
  const config = loadConfig()
  for (const line of loadConfigWarnings()) process.stderr.write(`warning: ${line}\n`)
  // The built SPA next to this bundle (apps/bff/dist → apps/web/dist) unless configured.
  const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url))
  if (!config.webDistDir && existsSync(defaultWebDist)) config.webDistDir = defaultWebDist
  const log = createLogger({ level: config.logLevel })
  if (config.demoMode)
    log.warn('no cloud configured: demo mode, the simulated cloud runs in-process')

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
      .catch((err: unknown) =>
        log.error({ err }, 'reconciliation failed; open intents stay pending'),
      )
      .finally(() => {
        reconcilePass = null
      }))
  await reconcile()
  const reconcileTimer = setInterval(() => void reconcile(), RECONCILE_EVERY_MS)
  reconcileTimer.unref()

  const { server, port } = await listen({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
  })
  log.info(
    {
      port,
      host: config.host,
      publicOrigin: config.publicOrigin,
      dialect: handle.dialect,
      demoMode: config.demoMode,
    },
    `listening; open ${config.publicOrigin}`,
  )

  const shutdown = createShutdown({
    server,
    log,
    graceMs: SHUTDOWN_GRACE_MS,
    drainDelayMs: config.shutdownDelayMs,
    startDraining: () => platform.lifecycle?.startDraining(),
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
}

await start().catch(refuseToStart)
