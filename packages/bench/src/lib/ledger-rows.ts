import SQLite from 'better-sqlite3'
import pg from 'pg'

/** Rows in the audit chain right now (read from outside the BFF, like a monitoring query). */
export async function ledgerRowCount(
  database: { sqlitePath: string } | { url: string },
): Promise<number> {
  if ('sqlitePath' in database) {
    const db = new SQLite(database.sqlitePath, { readonly: true })
    try {
      return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n
    } finally {
      db.close()
    }
  }
  const c = new pg.Client({ connectionString: database.url })
  await c.connect()
  try {
    const r = await c.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')
    return Number(r.rows[0]?.n ?? 0)
  } finally {
    await c.end()
  }
}
