import { sql } from 'kysely'
import { afterAll, expect, test } from 'vitest'
import { createFaultHarness, ledgerRows, runningDli, stopPath } from './fault-harness.js'
import { printFaultFigures, recordFault } from './fault-figures.js'

afterAll(() => printFaultFigures('audit database faults'))

test('audit database not writable: 503 AUDIT_UNAVAILABLE, nothing forwarded, /readyz 503', async () => {
  // SQLite's query_only pragma is the clean way to make the one connection read-only; the
  // unreachable-database test below covers both dialects.
  const h = await createFaultHarness({ dialect: 'sqlite' })
  try {
    const w = await runningDli(h)
    const op = await h.as('operator')
    // The single SQLite connection turns read-only: sessions still resolve, no row can be written.
    await sql`PRAGMA query_only = ON`.execute(h.deps.db)
    const res = await op.post(stopPath(w), { reason: 'fault test: audit down' })
    expect(res.status).toBe(503)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('AUDIT_UNAVAILABLE')
    expect(h.mutations()).toEqual([])
    expect((await h.app.request('/readyz')).status).toBe(503)
    await sql`PRAGMA query_only = OFF`.execute(h.deps.db)
    expect(await ledgerRows(h)).toEqual([])
    expect((await h.app.request('/readyz')).status).toBe(200)
    recordFault('audit db read-only', h.mutations().length)
  } finally {
    await h.close()
  }
})

test('audit database unreachable: the stop is 503 (not 500), nothing forwarded, /readyz 503', async () => {
  const h = await createFaultHarness()
  try {
    const w = await runningDli(h)
    const op = await h.as('operator')
    await h.testDb.close() // every query now fails, including the session lookup
    const res = await op.post(stopPath(w), { reason: 'fault test: database gone' })
    expect(res.status).toBe(503)
    expect(h.mutations()).toEqual([])
    expect((await h.app.request('/readyz')).status).toBe(503)
    recordFault('audit db unreachable', h.mutations().length)
  } finally {
    await h.services.close()
  }
})
