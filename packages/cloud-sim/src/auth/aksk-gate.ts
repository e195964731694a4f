import type { SimContext } from '../http.js'
import type { SimState } from '../state.js'
import type { SimAkSk } from '../types.js'
import { verifyAkSk } from './aksk-verify.js'

/** §1.3.6: 5 consecutive signature failures lock the AK for 5 minutes. */
export const LOCK_AFTER_FAILURES = 5
export const LOCK_MS = 5 * 60_000

/**
 * The gateway's AK/SK check: signature, lockout, temporary credentials. Returns the key pair, or
 * the reason (wording after "Incorrect IAM authentication information: "). Reasons other than
 * "verify aksk signature fail" are our wording: the docs name the rules, not the messages.
 */
export function checkAkSk(state: SimState, c: SimContext): SimAkSk | { reason: string } {
  const now = state.clock.now()
  const pairs = state.options.akskPairs
  // Skew is judged against the wall clock: clients sign with real time even when the sim clock is manual.
  const result = verifyAkSk(
    {
      method: c.req.method,
      url: c.req.url,
      headers: c.req.raw.headers,
      body: c.get('rawBody') ?? '',
    },
    (ak) => pairs.find((p) => p.ak === ak)?.sk,
    Date.now(),
  )
  const ak = result.ak
  const lock = ak === undefined ? undefined : state.akLocks.get(ak)
  // A locked key is refused before its signature is even looked at, correct or not.
  if (lock && now < lock.lockedUntil) {
    const seconds = Math.ceil((lock.lockedUntil - now) / 1000)
    return {
      reason: `the access key is locked after ${LOCK_AFTER_FAILURES} signature failures, retry in ${seconds} s`,
    }
  }
  if (!result.ok) {
    if (ak !== undefined && result.reason === 'verify aksk signature fail')
      countFailure(state, ak, now)
    return { reason: result.reason }
  }
  state.akLocks.delete(result.ak)
  const pair = pairs.find((p) => p.ak === result.ak) as SimAkSk
  return temporaryCheck(pair, c, result.signedHeaders, now) ?? pair
}

function countFailure(state: SimState, ak: string, now: number): void {
  const failures = (state.akLocks.get(ak)?.failures ?? 0) + 1
  state.akLocks.set(
    ak,
    failures >= LOCK_AFTER_FAILURES
      ? { failures: 0, lockedUntil: now + LOCK_MS }
      : { failures, lockedUntil: 0 },
  )
}

/**
 * Temporary keys (cloud-api.md §1.3.7, unconfirmed there; the SDK sends and signs the session
 * token as X-Security-Token) must carry their token, signed, before it expires. A permanent key
 * that sends one is not refused (the docs say nothing either way).
 */
function temporaryCheck(
  pair: SimAkSk,
  c: SimContext,
  signed: readonly string[],
  now: number,
): { reason: string } | undefined {
  if (pair.securityToken === undefined) return undefined
  const token = c.req.header('x-security-token')
  if (token === undefined) return { reason: 'security token not found (temporary AK/SK)' }
  if (!signed.includes('x-security-token')) return { reason: 'X-Security-Token is not signed' }
  if (token !== pair.securityToken) return { reason: 'security token is invalid' }
  if (pair.expiresAt !== undefined && now >= pair.expiresAt)
    return {
      reason: `security token expires, expires_at: ${new Date(pair.expiresAt).toISOString()}`,
    }
  return undefined
}
