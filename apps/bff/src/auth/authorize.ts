import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { hasRole } from '@ops-console/contracts'
import type { AppEnv } from '../lib/app-env.js'
import { AppError } from '../lib/errors.js'
import { PASSWORD_CHANGE_ALLOWED, findRule } from './policy.js'
import { sessionCookieName } from './session-cookie.js'

/**
 * Loads the session (every request) and enforces the policy table for /api (default deny).
 * Local accounts are re-read so role changes, disabling and must-change take effect at once.
 */
export const authorize: MiddlewareHandler<AppEnv> = async (c, next) => {
  const path = c.req.path
  // Outside /api everything is public (health probes, SPA assets): skip the session lookup.
  if (path !== '/api' && !path.startsWith('/api/')) return next()
  const { config } = c.var.deps
  const sid = getCookie(c, sessionCookieName(config))
  let mustChange = false
  if (sid) {
    try {
      mustChange = await loadSession(c, sid)
    } catch (err) {
      // Without the database nobody can be authenticated: a 503 the client may retry, not a 500.
      throw new AppError('NOT_READY', 'the database is unavailable', { cause: err })
    }
  }
  c.set('mustChangePassword', mustChange)

  const rule = findRule(c.req.method, path)
  const user = c.get('user')
  if (rule?.access === 'public') return next()
  if (!user) throw new AppError('UNAUTHENTICATED', 'sign in first')
  if (!rule) throw new AppError('NOT_FOUND', 'no such API route')
  if (mustChange && !PASSWORD_CHANGE_ALLOWED.has(path))
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'change your one-time password first')
  if (!hasRole(user.role, rule.access))
    throw new AppError('FORBIDDEN', `needs the ${rule.access} role`)
  return next()
}

/** Puts the session and user on the context; returns whether a password change is pending. */
async function loadSession(c: Context<AppEnv>, sid: string): Promise<boolean> {
  const { sessions, users } = c.var.deps
  const info = await sessions.lookup(sid)
  if (!info) return false
  if (info.user.authMethod === 'oidc') {
    c.set('session', info)
    c.set('user', info.user)
    return false
  }
  const account = await users.find(info.user.username)
  if (!account || account.disabled) {
    await sessions.destroy(sid)
    return false
  }
  info.user = { ...info.user, role: account.role, displayName: account.displayName }
  c.set('session', info)
  c.set('user', info.user)
  return account.mustChangePassword
}
