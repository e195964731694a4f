import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { Clock } from '../lib/clock.js'

/** Failures that cost nothing, then a wait that doubles with each further failure, up to a cap. */
export interface ThrottleRule {
  free: number
  windowMs: number
  maxDelayMs: number
}

/**
 * Two counters, both progressive and both forgotten after 15 minutes:
 * - per (account, source address): 3 free failures, then 2 s, 4 s, 8 s … up to 15 min. It slows
 *   a guesser down without touching anyone else: the right password from another address is
 *   never refused because of it, so nobody can lock `admin` out by failing on purpose;
 * - per source address, across accounts: 20 free failures, then the same doubling (spraying
 *   many accounts from one address).
 * There is deliberately no account-wide lock (that is what let an outsider lock admins out);
 * a guesser spread over many addresses gets 3 free tries from each, against argon2id hashes.
 */
export const DEFAULT_RULES = {
  accountSource: { free: 3, windowMs: 15 * 60_000, maxDelayMs: 15 * 60_000 },
  source: { free: 20, windowMs: 15 * 60_000, maxDelayMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleRule>
export type ThrottleRules = Record<keyof typeof DEFAULT_RULES, ThrottleRule>

export type ThrottleScope = 'account-source' | 'source'

/**
 * A sign-in that failed often enough that the next attempt must wait: returned by
 * `recordFailure` for the caller to log and audit (`auth.lockout`), never written here.
 */
export interface LockoutEvent {
  username: string
  source: string | null
  scope: ThrottleScope
  failures: number
  retryAfterSeconds: number
}

/** Wait after `n` failures under `rule`: 0 while free, then 2 s, 4 s, … capped. */
export function delayAfter(n: number, rule: ThrottleRule): number {
  if (n <= rule.free) return 0
  return Math.min(1000 * 2 ** (n - rule.free), rule.maxDelayMs)
}

const norm = (username: string) => username.toLowerCase()
const pairKey = (username: string, source: string | null) =>
  `pair:${JSON.stringify([norm(username), source])}`

/**
 * Failed sign-ins in the database (`login_failures`), so every replica sees the same counts.
 * Password changes (current-password checks) go through it too.
 */
export function createLoginThrottle(
  db: Kysely<Database>,
  clock: Clock,
  rules: ThrottleRules = DEFAULT_RULES,
) {
  const since = (rule: ThrottleRule) =>
    new Date(clock.now().getTime() - rule.windowMs).toISOString()

  /** Failures inside the window and when the latest happened, for one counter. */
  async function count(
    scope: ThrottleScope,
    username: string,
    source: string | null,
  ): Promise<{ n: number; last: string | null }> {
    const rule = scope === 'source' ? rules.source : rules.accountSource
    let q = db
      .selectFrom('login_failures')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
      .where('at', '>', since(rule))
    q =
      scope === 'source'
        ? q.where('source', '=', source)
        : q.where('key', '=', pairKey(username, source))
    const row = await q.executeTakeFirstOrThrow()
    return { n: Number(row.n), last: row.last ?? null }
  }

  async function wait(scope: ThrottleScope, username: string, source: string | null) {
    const rule = scope === 'source' ? rules.source : rules.accountSource
    const { n, last } = await count(scope, username, source)
    const until = last ? Date.parse(last) + delayAfter(n, rule) : 0
    return { n, seconds: Math.max(0, Math.ceil((until - clock.now().getTime()) / 1000)) }
  }

  /** The scopes that apply: without a known address only the account-and-unknown-source pair. */
  const scopes = (source: string | null): ThrottleScope[] =>
    source ? ['account-source', 'source'] : ['account-source']

  return {
    /** Seconds until this account may try again from this source, or 0 when allowed now. */
    async retryAfter(username: string, source: string | null): Promise<number> {
      let seconds = 0
      for (const scope of scopes(source))
        seconds = Math.max(seconds, (await wait(scope, username, source)).seconds)
      return seconds
    },

    /** Counts a failure; returns the lockout it causes (the next attempt has to wait), if any. */
    async recordFailure(username: string, source: string | null): Promise<LockoutEvent | null> {
      const now = clock.now()
      await db
        .insertInto('login_failures')
        .values({
          id: randomUUID(),
          key: pairKey(username, source),
          username: norm(username),
          source,
          at: now.toISOString(),
        })
        .execute()
      // Housekeeping: forget failures older than the longest window.
      const horizon = Math.max(rules.accountSource.windowMs, rules.source.windowMs)
      await db
        .deleteFrom('login_failures')
        .where('at', '<', new Date(now.getTime() - horizon).toISOString())
        .execute()
      let lockout: LockoutEvent | null = null
      for (const scope of scopes(source)) {
        const { n, seconds } = await wait(scope, username, source)
        if (seconds > (lockout?.retryAfterSeconds ?? 0))
          lockout = {
            username: norm(username),
            source,
            scope,
            failures: n,
            retryAfterSeconds: seconds,
          }
      }
      return lockout
    },

    /** A successful sign-in forgets this account's failures from this source (not elsewhere). */
    async recordSuccess(username: string, source: string | null): Promise<void> {
      await db.deleteFrom('login_failures').where('key', '=', pairKey(username, source)).execute()
    },

    /** `npm run users -- unlock NAME`: forgets every failure counted against the account. */
    async unlock(username: string): Promise<number> {
      const res = await db
        .deleteFrom('login_failures')
        .where('username', '=', norm(username))
        .executeTakeFirst()
      return Number(res.numDeletedRows)
    },
  }
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>
