import type { MiddlewareHandler } from 'hono'
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
  const { sessions, users, config } = c.var.deps
  const sid = getCookie(c, sessionCookieName(config))
  let mustChange = false
  if (sid) {
    const info = await sessions.lookup(sid)
    if (info && info.user.authMethod === 'local') {
      const account = await users.find(info.user.username)
      if (!account || account.disabled) {
        await sessions.destroy(sid)
      } else {
        info.user = { ...info.user, role: account.role, displayName: account.displayName }
        mustChange = account.mustChangePassword
        c.set('session', info)
        c.set('user', info.user)
      }
    } else if (info) {
      c.set('session', info)
      c.set('user', info.user)
    }
  }
  c.set('mustChangePassword', mustChange)

  const rule = findRule(c.req.method, path)
  const user = c.get('user')
  if (rule?.access === 'public') return next()
  if (!user) throw new AppError('UNAUTHENTICATED', 'sign in first')
  if (!rule) throw new AppError('NOT_FOUND', 'no such API route')
  if (mustChange && !PASSWORD_CHANGE_ALLOWED.has(path)) throw new AppError('PASSWORD_CHANGE_REQUIRED', 'change your one-time password first')
  if (!hasRole(user.role, rule.access)) throw new AppError('FORBIDDEN', `needs the ${rule.access} role`)
  return next()
}
