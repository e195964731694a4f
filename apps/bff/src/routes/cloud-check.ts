import { Hono } from 'hono'
import type { CloudCheckReport } from '@ops-console/contracts'
import type { AppEnv } from '../lib/app-env.js'
import { AppError } from '../lib/errors.js'
import { checkCloudTargets } from '../workloads/cloud-targets.js'
import type { CloudTarget } from '../workloads/types.js'

declare module '../lib/app-services.js' {
  interface AppServices {
    /** The cloud targets with their clients (built by createAppServices), for the connection check. */
    cloudTargets?: CloudTarget[]
  }
}

/**
 * A finished check is reused this long, and a running one is shared: the check signs a call per
 * service, and with a wrong secret every click would be a bad signature towards the AK lockout
 * (5 in a row lock the key for 5 minutes, cloud-api.md §1.3).
 */
export const CLOUD_CHECK_REUSE_MS = 30_000

const recent = new WeakMap<
  readonly CloudTarget[],
  { at: number; report: Promise<CloudCheckReport> }
>()

/** `GET /api/cloud-check` (admin): `npm run cloud:check` as JSON, for the admin page. */
export const cloudCheckRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { services, config, clock } = c.var.deps
  const targets = services.cloudTargets
  if (!targets) throw new AppError('NOT_READY', 'the cloud targets are not set up')
  const now = clock.now().getTime()
  let entry = recent.get(targets)
  if (!entry || now - entry.at >= CLOUD_CHECK_REUSE_MS) {
    const report = checkCloudTargets(targets).then((checked) => ({
      checkedAt: new Date(now).toISOString(),
      demoMode: config.demoMode,
      targets: checked,
    }))
    // A check that failed as a whole (not a service: those are results) is not kept.
    report.catch(() => recent.delete(targets))
    entry = { at: now, report }
    recent.set(targets, entry)
  }
  return c.json(await entry.report, 200)
})
