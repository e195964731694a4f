import { sql, type Kysely } from 'kysely'
import { dialectOf } from '../../src/db/dialect.js'
import type { Database } from '../../src/db/schema.js'

/**
 * Canary credentials: every suite that builds the BFF through the fault harness configures the
 * cloud with these, and everything the suite can observe is scanned for them (and for the IAM
 * tokens and session ids handed out while it ran).
 */
export const CANARY = {
  ak: 'CANARYAKQ7X2N4HWLP0001',
  sk: 'CanarySK-0b9f3c2e7d1a4f6e8c5b-canary-sk',
  domain: 'canary_account',
  user: 'canary_user',
  password: 'Canary-Passw0rd-c4n4ry!',
} as const

export interface Exposure {
  where: string
  canary: string
}

/** Running totals over a test file, for the figure line. */
export const scanned = { responses: 0, logLines: 0, dbRows: 0, files: 0, hits: 0 }

/** Every occurrence (raw or URL-encoded) of a canary in the texts. */
export function findCanaries(
  texts: { where: string; text: string }[],
  canaries: readonly string[],
): Exposure[] {
  const hits: Exposure[] = []
  for (const { where, text } of texts) {
    for (const c of canaries) {
      if (c.length >= 8 && (text.includes(c) || text.includes(encodeURIComponent(c))))
        hits.push({ where, canary: `${c.slice(0, 6)}…` })
    }
  }
  scanned.hits += hits.length
  return hits
}

/** Every row of every table as JSON text (ledger, sessions, users, script instances, …). */
export async function dumpDatabase(
  db: Kysely<Database>,
): Promise<{ where: string; text: string }[]> {
  const out: { where: string; text: string }[] = []
  // Only this test database's own tables: on a shared PostgreSQL server other suites' schemas
  // (created and dropped by parallel runs) are listed too and may vanish mid-scan.
  const own =
    dialectOf(db) === 'postgres'
      ? (await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db)).rows[0]?.s
      : undefined
  const tables = (await db.introspection.getTables()).filter(
    (t) => own === undefined || t.schema === own,
  )
  for (const table of tables) {
    const rows = await db
      .selectFrom(table.name as keyof Database)
      .selectAll()
      .execute()
    rows.forEach((row, i) =>
      out.push({ where: `db ${table.name}#${i}`, text: JSON.stringify(row) }),
    )
  }
  scanned.dbRows += out.length
  return out
}

export function printCanaryFigures(label: string): void {
  console.log(
    `secret canaries (${label}): ${scanned.responses} responses, ${scanned.logLines} log lines, ${scanned.dbRows} db rows, ${scanned.files} files scanned, hits ${scanned.hits}`,
  )
}
