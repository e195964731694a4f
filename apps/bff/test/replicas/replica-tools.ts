import { sql } from 'kysely'
import { PRESENCE_LOCK_NS } from '../../src/lib/replica-presence.js'
import type { Replica, ReplicaPair } from './replica-pair.js'

/** The browser's cookie jar carried over to the other replica: what a load balancer without sticky sessions does. */
export function sameBrowserOn(from: { jar: Map<string, string> }, to: Replica) {
  const other = to.browser()
  for (const [k, v] of from.jar) other.jar.set(k, v)
  return other
}

const sleepMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls `check` (real time) until it holds; throws after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 5_000,
): Promise<void> {
  for (let waited = 0; !(await check()); waited += 10) {
    if (waited > ms) throw new Error(`timed out waiting for ${what}`)
    await sleepMs(10)
  }
}

/**
 * What a crash (kill -9, OOM kill) looks like to PostgreSQL: the replica's presence connection is
 * gone and the server has dropped its lock. The process object itself keeps running, so the test
 * can also watch what its still-hanging request does afterwards.
 */
export async function killPresenceSession(pair: ReplicaPair, victim: Replica): Promise<void> {
  const { db } = pair.a.handle
  const row = await db
    .selectFrom('replicas')
    .select('lock_key')
    .where('id', '=', victim.replica.id)
    .executeTakeFirstOrThrow()
  const held = sql<{
    pid: number
  }>`SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND classid::bigint = ${PRESENCE_LOCK_NS} AND objid::bigint = ${row.lock_key}`
  await sql`SELECT pg_terminate_backend(pid) FROM (${held}) AS h`.execute(db)
  await until(
    async () => (await held.execute(db)).rows.length === 0,
    'the server to drop the dead session lock',
  )
}
