import { Hono } from 'hono'
import { sql } from 'kysely'
import type { AppEnv } from '../lib/app-env.js'
import { AppError } from '../lib/errors.js'

/** Liveness (the process answers) and readiness (the database takes writes). */
export const healthRoutes = new Hono<AppEnv>()
  .get('/livez', (c) => c.json({ status: 'ok' as const }, 200))
  .get('/readyz', async (c) => {
    const { db, lifecycle } = c.var.deps
    // First sign of a SIGTERM: load balancers take this replica out while it finishes its work.
    if (lifecycle?.draining) throw new AppError('NOT_READY', 'shutting down')
    try {
      // A write that changes nothing: proves the connection is up and the database is not read-only.
      await db.transaction().execute(async (trx) => {
        await sql`DELETE FROM oidc_flows WHERE state_hash = ${'readyz-probe'}`.execute(trx)
      })
    } catch (err) {
      c.var.log.warn({ err }, 'readiness probe failed')
      throw new AppError('NOT_READY', 'the database is not writable')
    }
    return c.json({ status: 'ready' as const }, 200)
  })
