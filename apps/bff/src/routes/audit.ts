import { Hono } from 'hono'
import { stream } from 'hono/streaming'
import { z } from 'zod'
import { AuditQuery } from '@ops-console/contracts'
import type { AppEnv } from '../lib/app-env.js'
import { validate } from '../lib/validate.js'

const ExportQuery = AuditQuery.omit({ cursor: true, limit: true }).extend({
  format: z.enum(['csv', 'json']).default('json'),
})

/** The audit view (viewer) and its export (admin; enforced by the policy table). */
export const auditRoutes = new Hono<AppEnv>()
  .get('/', validate('query', AuditQuery), async (c) =>
    c.json(await c.var.deps.ledger.query(c.req.valid('query')), 200),
  )
  .get('/export', validate('query', ExportQuery), async (c) => {
    const { format, ...filters } = c.req.valid('query')
    const { ledger, clock } = c.var.deps
    const chunks = ledger.export({ ...filters, limit: 500 }, format)[Symbol.asyncIterator]()
    // Read the first chunk before committing to 200, so an unreachable database is still a 5xx envelope.
    const first = await chunks.next()
    const stamp = clock.now().toISOString().replace(/[:.]/g, '-')
    c.header('Content-Disposition', `attachment; filename="audit-${stamp}.${format}"`)
    c.header(
      'Content-Type',
      format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    )
    return stream(
      c,
      async (out) => {
        if (!first.done) await out.write(first.value)
        for (let next = await chunks.next(); !next.done; next = await chunks.next())
          await out.write(next.value)
      },
      // Headers are gone once streaming started: log and cut the response short (the file is incomplete).
      (err) => Promise.resolve(c.var.log.error({ err }, 'audit export failed mid-stream')),
    )
  })
