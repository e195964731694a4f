import type { Kysely } from 'kysely'
import { createDb, migrateToLatest } from '../../src/db/create-db.js'
import type { Database } from '../../src/db/schema.js'
import { createUserStore } from '../../src/auth/users.js'
import { systemClock } from '../../src/lib/clock.js'
import { PUBLIC_ORIGIN } from './processes.js'

export const LIVE_USER = { username: 'crash-admin', password: 'crash test password 0451' }

/** Opens (and migrates) the database a BFF process will use, as the test's own view of it. */
export async function openDb(db: { sqlitePath: string } | { databaseUrl: string }) {
  const handle = createDb({
    database:
      'sqlitePath' in db
        ? { sqlitePath: db.sqlitePath }
        : { url: db.databaseUrl, sqlitePath: ':memory:' },
  })
  await migrateToLatest(handle.db)
  return handle
}

/** Creates the admin the test signs in as, so the BFF skips its one-time-password bootstrap. */
export async function seedAdmin(db: Kysely<Database>): Promise<void> {
  await createUserStore(db, systemClock).create({
    username: LIVE_USER.username,
    role: 'admin',
    password: LIVE_USER.password,
  })
}

/** A signed-in SPA talking to a BFF over the network. */
export async function signIn(baseUrl: string) {
  const headers = {
    Origin: PUBLIC_ORIGIN,
    'X-Ops-Console': '1',
    'Content-Type': 'application/json',
  }
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify(LIVE_USER),
  })
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`)
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return {
    get: (path: string) => fetch(`${baseUrl}${path}`, { headers: { cookie } }),
    post: (path: string, body: unknown, signal?: AbortSignal) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { ...headers, cookie },
        body: JSON.stringify(body),
        ...(signal ? { signal } : {}),
      }),
  }
}
export type LiveClient = Awaited<ReturnType<typeof signIn>>
