import { createCloudSim, type CloudSim } from '@ops-console/cloud-sim'
import { createTestApp } from '../../testing/test-app.js'
import type { BffConfig } from '../../lib/config.js'
import { createAppServices, type WorkloadsOptions } from '../services.js'

/**
 * The real app (`createApp` with the platform's middleware, sessions, roles and ledger) with the
 * workloads services over an in-process, manual-clock simulator.
 */
export async function createRouteHarness(
  opts: {
    config?: Partial<BffConfig>
    workloads?: Partial<WorkloadsOptions>
    db?: NonNullable<Parameters<typeof createTestApp>[0]>['db']
    dialect?: NonNullable<Parameters<typeof createTestApp>[0]>['dialect']
  } = {},
) {
  const t = await createTestApp({
    config: { stopWatch: { timeoutMs: 60_000, pollMs: 5_000 }, ...opts.config },
    ...(opts.db ? { db: opts.db } : {}),
    ...(opts.dialect ? { dialect: opts.dialect } : {}),
  })
  const sim: CloudSim = createCloudSim({ clock: 'manual', stopFailureRate: 0 })
  const services = createAppServices(t.deps, {
    sim,
    clientOverrides: { retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, timeoutMs: 2_000 },
    sleep: (ms) => {
      sim.control.advance(ms)
      t.clock.advance(ms)
      return Promise.resolve()
    },
    ...opts.workloads,
  })
  // The app reads deps per request, so the services can be plugged in after createApp.
  t.deps.services = services
  const target = services.targets[0]?.name ?? ''
  return {
    ...t,
    sim,
    services,
    target,
    upstream: () => sim.control.requests().filter((r) => r.service !== null),
    async close() {
      await services.close()
      await t.close()
    },
  }
}
