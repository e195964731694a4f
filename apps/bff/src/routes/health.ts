import { Hono } from 'hono'
import type { AppEnv } from '../lib/app-env.js'
import { AppError } from '../lib/errors.js'

/** A load balancer's probe gives up after a few seconds; answer well before that. */
const READY_PROBE_MAX_MS = 1_500

/**
 * Liveness (the process answers; touches nothing) and readiness (the ledger can durably append
 * now: a real commit through its group commit, plus disk headroom). A replica that cannot audit
 * a stop must not receive stops.
 */
export const healthRoutes = new Hono<AppEnv>()
  .get('/livez', (c) => c.json({ status: 'ok' as const }, 200))
  .get('/readyz', async (c) => {
    const { ledger, config, lifecycle } = c.var.deps
    // First sign of a SIGTERM: load balancers take this replica out while it finishes its work.
    if (lifecycle?.draining) throw new AppError('NOT_READY', 'shutting down')
    const probe = await ledger.probe(Math.min(config.audit.writeTimeoutMs, READY_PROBE_MAX_MS))
    if (!probe.ok) {
      c.var.log.warn({ problem: probe.problem }, 'readiness probe failed')
      throw new AppError('NOT_READY', 'the audit log cannot take writes')
    }
    return c.json({ status: 'ready' as const }, 200)
  })
