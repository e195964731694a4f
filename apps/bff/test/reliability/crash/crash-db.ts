import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { TEST_DATABASE_URL } from '../../../src/testing/test-db.js'

export type CrashDb = { sqlitePath: string } | { databaseUrl: string }

/** A fresh database the BFF processes share: a SQLite file, or a PostgreSQL database of its own. */
export async function createCrashDb(
  kind: 'sqlite' | 'postgres',
): Promise<{ db: CrashDb; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ops-crash-'))
    return {
      db: { sqlitePath: join(dir, 'ops-console.db') },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    }
  }
  const name = `crash_${randomBytes(5).toString('hex')}`
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await c.connect()
    try {
      await c.query(statement)
    } finally {
      await c.end()
    }
  }
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `/${name}`
  // Every process using it has exited by then; a plain DROP (retried while their sessions end) never kills a live connection.
  const drop = async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await admin(`DROP DATABASE IF EXISTS ${name}`)
      } catch (err) {
        if (attempt >= 20) throw err
        await new Promise((r) => setTimeout(r, 250))
      }
    }
  }
  return { db: { databaseUrl: url.href }, drop }
}
