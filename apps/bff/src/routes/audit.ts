import { Hono } from 'hono'
import { z } from 'zod'
import { AuditQuery } from '@ops-console/contracts'
import type { AppEnv } from '../lib/app-env.js'
import { validate } from '../lib/validate.js'

const ExportQuery = AuditQuery.omit({ cursor: true, limit: true }).extend({ format: z.enum(['csv', 'json']).default('json') })

/** The audit view (viewer) and its export (admin; enforced by the policy table). */
export const auditRoutes = new Hono<AppEnv>()
  .get('/', validate('query', AuditQuery), async (c) => c.json(await c.var.deps.ledger.query(c.req.valid('query')), 200))
  .get('/export', validate('query', ExportQuery), async (c) => {
    const { format, ...filters } = c.req.valid('query')
    const body = await c.var.deps.ledger.export({ ...filters, limit: 500 }, format)
    const stamp = c.var.deps.clock.now().toISOString().replace(/[:.]/g, '-')
    c.header('Content-Disposition', `attachment; filename="audit-${stamp}.${format}"`)
    c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    return c.body(body, 200)
  })
