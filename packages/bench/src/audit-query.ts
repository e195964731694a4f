import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDb, migrateToLatest } from '@ops-console/bff/src/db/create-db.js'
import type { BffHostConfig } from './hosts/bff-host.js'
import { pgLoader, sqliteLoader } from './lib/audit-load.js'
import { auditBatches } from './lib/audit-rows.js'
import { BENCH_PASSWORD, getJson, login } from './lib/bff-session.js'
import { startHost } from './lib/child.js'
import { createFreshDatabase } from './lib/pg-database.js'
import { progress, runIfMain, type BenchResult, type Figure } from './lib/report.js'
import type { BffHost } from './lib/servers.js'
import { median, ms, percentile } from './lib/stats.js'

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 1_000_000)
const SAMPLES = 25
const TARGET_MS = 20

/** The audit view's queries: the SPA's page size (50), first page and typical filters. */
const QUERIES: [string, string][] = [
  ['first page', 'limit=50'],
  ['actor', 'actor=user07&limit=50'],
  ['kind + outcome=failure', 'kind=dli-flink-job&outcome=failure&limit=50'],
  [
    'action + one month',
    'action=workload.delete&from=2024-06-01T00:00:00.000Z&to=2024-06-30T23:59:59.000Z&limit=50',
  ],
  ['pending', 'outcome=pending&limit=50'],
  ['text, common word', 'q=runaway&limit=50'],
  ['text, one workload id', 'q=123456&limit=50'],
]

async function migrated(database: { sqlitePath: string } | { url: string }): Promise<void> {
  const handle = createDb({
    database: 'url' in database ? { url: database.url, sqlitePath: '' } : database,
  })
  await migrateToLatest(handle.db)
  await handle.close()
}

/** The BFF over an already-loaded database (no cloud needed: only /api/audit is called). */
function startAuditBff(database: BffHostConfig['database']): Promise<BffHost> {
  const target = { name: 'bench', region: 'cn-north-4', projectId: 'bench', codeartsProjectIds: [] }
  return startHost('bff-host', {
    simOrigin: 'http://127.0.0.1:9',
    simUser: { domain: 'd', name: 'n', password: 'p' },
    targets: [target],
    database,
    users: [{ username: 'viewer', role: 'viewer', password: BENCH_PASSWORD }],
  } satisfies BffHostConfig)
}

async function measure(label: string, database: BffHostConfig['database']): Promise<Figure[]> {
  const bff = await startAuditBff(database)
  try {
    const cookie = await login(bff.info.origin, 'viewer')
    const figures: Figure[] = []
    for (const [name, query] of QUERIES) {
      const url = `${bff.info.origin}/api/audit?${query}`
      for (let i = 0; i < 3; i++) await getJson(url, { cookie })
      const samples: number[] = []
      let items = 0
      for (let i = 0; i < SAMPLES; i++) {
        const t0 = performance.now()
        items = (await getJson<{ items: unknown[] }>(url, { cookie })).items.length
        samples.push(performance.now() - t0)
      }
      const med = median(samples)
      figures.push({
        figure: `${label}: ${name} (${items} rows) median, p99`,
        value: `${ms(med)}, ${ms(percentile(samples, 99))}`,
        target: `≤ ${TARGET_MS} ms`,
        met: med <= TARGET_MS,
      })
    }
    return figures
  } finally {
    await bff.stop()
  }
}

/**
 * Figure 5: `GET /api/audit` (through the BFF, over HTTP) on a ledger of ROWS entries, on SQLite
 * and PostgreSQL. The rows are bulk-loaded directly into the migrated schema (real hash chain,
 * intent + outcome rows + the audit_entries projection), not through the ledger API.
 */
export async function benchAuditQuery(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-audit-'))
  const sqlitePath = join(dir, 'audit.db')
  const db = await createFreshDatabase('bench_audit')
  try {
    await migrated({ sqlitePath })
    await migrated({ url: db.url })
    const lite = sqliteLoader(sqlitePath)
    const pgl = await pgLoader(db.url)
    const t0 = performance.now()
    let loaded = 0
    for (const batch of auditBatches(ROWS)) {
      // PostgreSQL works in its own process while this one fills SQLite.
      const pgWrite = pgl.write(batch)
      lite.write(batch)
      await pgWrite
      loaded += batch.entries.length
      if (loaded % 100_000 === 0)
        progress(`audit-query: loaded ${loaded.toLocaleString('en')} entries into both databases`)
    }
    progress('audit-query: re-creating indexes')
    lite.close()
    await pgl.close()
    const loadSeconds = (performance.now() - t0) / 1000
    progress('audit-query: measuring SQLite')
    const liteFigures = await measure('SQLite', { sqlitePath })
    progress('audit-query: measuring PostgreSQL')
    const pgFigures = await measure('PostgreSQL', { url: db.url })
    return {
      name: `audit query (${ROWS.toLocaleString('en')} entries)`,
      figures: [...liteFigures, ...pgFigures],
      notes: [
        `${ROWS.toLocaleString('en')} intents (+ outcome rows for 95 %) bulk-loaded in ${loadSeconds.toFixed(0)} s into both databases with the real hash chain (the migrations' secondary indexes, and on PostgreSQL the UNIQUE constraints, dropped for the load and re-created from their own DDL after); PostgreSQL ANALYZEd after loading (as autovacuum would), SQLite not (the BFF never runs ANALYZE).`,
        `each query: ${SAMPLES} sequential requests after 3 warm-ups, through the BFF over HTTP (session check included); verdict on the median.`,
      ],
    }
  } finally {
    await db.drop()
    rmSync(dir, { recursive: true, force: true })
  }
}

runIfMain(import.meta.url, benchAuditQuery)
