import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { Clock } from '../lib/clock.js'

export interface ThrottleRule {
  prefix: 'user' | 'ip'
  max: number
  windowMs: number
}

/** 5 failures per account and 20 per client address within 15 minutes. */
export const DEFAULT_RULES: readonly ThrottleRule[] = [
  { prefix: 'user', max: 5, windowMs: 15 * 60_000 },
  { prefix: 'ip', max: 20, windowMs: 15 * 60_000 },
]

/**
 * Failed-login counters in the database, so every replica sees the same counts. A key is
 * blocked once it has `max` failures inside the sliding window.
 */
export function createLoginThrottle(
  db: Kysely<Database>,
  clock: Clock,
  rules: readonly ThrottleRule[] = DEFAULT_RULES,
) {
  const keysFor = (username: string, ip: string | null) =>
    rules.flatMap((r) =>
      r.prefix === 'ip' && !ip
        ? []
        : [{ rule: r, key: `${r.prefix}:${r.prefix === 'user' ? username.toLowerCase() : ip}` }],
    )
  return {
    /** Seconds until the caller may try again, or 0 when allowed. */
    async retryAfter(username: string, ip: string | null): Promise<number> {
      const now = clock.now().getTime()
      let wait = 0
      for (const { rule, key } of keysFor(username, ip)) {
        const since = new Date(now - rule.windowMs).toISOString()
        const rows = await db
          .selectFrom('login_failures')
          .select('at')
          .where('key', '=', key)
          .where('at', '>', since)
          .orderBy('at', 'desc')
          .limit(rule.max)
          .execute()
        const oldest = rows.at(-1)
        if (rows.length >= rule.max && oldest)
          wait = Math.max(wait, Math.ceil((Date.parse(oldest.at) + rule.windowMs - now) / 1000))
      }
      return wait
    },
    async recordFailure(username: string, ip: string | null): Promise<void> {
      const now = clock.now()
      const at = now.toISOString()
      await db
        .insertInto('login_failures')
        .values(keysFor(username, ip).map(({ key }) => ({ id: randomUUID(), key, at })))
        .execute()
      // Housekeeping: forget failures older than the longest window.
      const horizon = new Date(
        now.getTime() - Math.max(...rules.map((r) => r.windowMs)),
      ).toISOString()
      await db.deleteFrom('login_failures').where('at', '<', horizon).execute()
    },
    async clearUser(username: string): Promise<void> {
      await db
        .deleteFrom('login_failures')
        .where('key', '=', `user:${username.toLowerCase()}`)
        .execute()
    },
  }
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>
