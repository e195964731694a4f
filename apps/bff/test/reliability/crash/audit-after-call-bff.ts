// Entry point of the deliberately wrong BFF (see audit-after-call.ts): src/index.ts with the ledger
// swapped. Only the crash test's negative control starts it.
import { serve } from '@hono/node-server'
import { createApp } from '../../../src/app.js'
import { loadConfig } from '../../../src/lib/env.js'
import { createLogger } from '../../../src/lib/logger.js'
import { systemClock } from '../../../src/lib/clock.js'
import { createPlatform } from '../../../src/lib/platform.js'
import { createAppServices } from '../../../src/workloads/services.js'
import { auditAfterCall } from './audit-after-call.js'

const config = loadConfig()
const log = createLogger({ level: config.logLevel })
const { platform } = await createPlatform(config, log, systemClock)
const wrong = { ...platform, ledger: auditAfterCall(platform.ledger) }
const services = createAppServices(wrong)
const app = createApp({ ...wrong, services })
await services.reconcile()
serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log.warn(
    { port: info.port },
    'listening (DELIBERATELY WRONG: audit written after the cloud call)',
  )
})
