import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AccountAuditAction, AuditEvent, Role, SessionUser } from '@ops-console/contracts'
import type { AuditLedger } from '../audit/types.js'
import type { AppEnv } from '../lib/app-env.js'
import type { Logger } from '../lib/logger.js'
import type { LockoutEvent } from './login-throttle.js'
import { sessionCookieName, setSessionCookie } from './session-cookie.js'

export type AccountEventInput = Omit<AuditEvent, 'id' | 'at'>

interface EventFacts {
  action: AccountAuditAction
  actor: string
  role: Role | null
  outcome: 'success' | 'failure'
  subject?: string | null
  details?: AuditEvent['details']
}

/** An account event of an HTTP request: source address, user agent and request id included. */
export function requestEvent(
  c: Context<AppEnv>,
  facts: EventFacts & { via?: 'api' | 'oidc' },
): AccountEventInput {
  return {
    via: facts.via ?? 'api',
    sourceIp: c.var.clientIp,
    userAgent: c.req.header('user-agent')?.slice(0, 512) ?? null,
    requestId: c.var.requestId,
    ...withDefaults(facts),
  }
}

/** An account event outside any request: the users CLI (`cli:<os user>`) or start-up. */
export function localEvent(facts: EventFacts & { via: 'cli' | 'system' }): AccountEventInput {
  return {
    via: facts.via,
    sourceIp: null,
    userAgent: null,
    requestId: null,
    ...withDefaults(facts),
  }
}

function withDefaults(facts: EventFacts) {
  return {
    action: facts.action,
    actor: facts.actor,
    role: facts.role,
    outcome: facts.outcome,
    subject: facts.subject ?? null,
    details: facts.details ?? {},
  }
}

/**
 * For events whose request must not fail with the ledger (a wrong password stays a 401, a
 * sign-out always signs out): a failed append is logged at error level and readiness reports it.
 */
export async function recordQuietly(
  ledger: AuditLedger,
  log: Logger,
  event: AccountEventInput,
): Promise<void> {
  try {
    await ledger.recordEvent(event)
  } catch (err) {
    log.error({ err, action: event.action }, 'could not audit an account event')
  }
}

/**
 * Ends the current session (if any) and starts a new one: a fresh id at every login. The sign-in
 * is audited before the cookie is set; when the ledger cannot take it the new session is ended
 * again and the sign-in fails with AUDIT_UNAVAILABLE (no unaudited sessions).
 */
export async function startAuditedSession(
  c: Context<AppEnv>,
  user: SessionUser,
  via: 'api' | 'oidc',
): Promise<void> {
  const { sessions, config, ledger } = c.var.deps
  const old = getCookie(c, sessionCookieName(config))
  if (old) await sessions.destroy(old)
  const { id } = await sessions.create(user)
  const event = { action: 'auth.login', actor: user.username, role: user.role, via } as const
  try {
    await ledger.recordEvent(requestEvent(c, { ...event, outcome: 'success' }))
  } catch (err) {
    await sessions.destroy(id)
    throw err
  }
  setSessionCookie(c, config, id)
}

/**
 * After a failed attempt: audit it, and audit a lockout when this failure is the one that made
 * the throttle refuse further attempts. (The login throttle owns the counting; this only asks it.)
 */
export async function auditFailedAttempt(
  c: Context<AppEnv>,
  lockout: LockoutEvent | null,
  action: 'auth.login' | 'auth.password-change',
  username: string,
  role: SessionUser['role'] | null,
): Promise<void> {
  const { ledger } = c.var.deps
  const details = { cause: 'invalid-credentials' }
  await recordQuietly(
    ledger,
    c.var.log,
    requestEvent(c, { action, actor: username, role, outcome: 'failure', details }),
  )
  // The throttle says when this failure makes the next attempt (from this source) wait.
  if (lockout) {
    c.var.log.warn({ event: 'auth.lockout', ...lockout }, 'sign-in throttled')
    await recordQuietly(
      ledger,
      c.var.log,
      requestEvent(c, {
        action: 'auth.lockout',
        actor: username,
        role,
        subject: username,
        outcome: 'success',
        details: {
          retryAfterSeconds: lockout.retryAfterSeconds,
          scope: lockout.scope,
          failures: lockout.failures,
        },
      }),
    )
  }
}
