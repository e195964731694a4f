import { Hono, type Context } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import {
  ChangePasswordBody,
  LoginBody,
  type MeResponse,
  type SessionUser,
} from '@ops-console/contracts'
import type { AppEnv } from '../lib/app-env.js'
import { AppError } from '../lib/errors.js'
import { validate } from '../lib/validate.js'
import { createLoginThrottle } from '../auth/login-throttle.js'
import {
  auditFailedAttempt,
  recordQuietly,
  requestEvent,
  startAuditedSession,
} from '../auth/account-events.js'
import { createOidcService, SignInFailure, type OidcService } from '../auth/oidc.js'
import { clearSessionCookie, sessionCookieName, setSessionCookie } from '../auth/session-cookie.js'

// SameSite=Lax (not Strict): the IdP redirects back cross-site and this cookie must come along.
const OIDC_STATE_COOKIE = 'ops_oidc_state'

// One service (and one cached discovery document) per OIDC configuration.
const oidcServices = new WeakMap<object, OidcService>()
function oidcService(c: Context<AppEnv>): OidcService {
  const { config, db, clock } = c.var.deps
  if (!config.oidc) throw new AppError('NOT_FOUND', 'single sign-on is not configured')
  let svc = oidcServices.get(config.oidc)
  if (!svc) oidcServices.set(config.oidc, (svc = createOidcService(config.oidc, db, clock)))
  return svc
}

function me(c: Context<AppEnv>, user: SessionUser | null, mustChangePassword: boolean): MeResponse {
  const { config } = c.var.deps
  return { user, demoMode: config.demoMode, oidc: config.oidc !== undefined, mustChangePassword }
}

/**
 * SSO runs as full-page navigations, so a failure must land on a page: the sign-in page with a
 * code it explains, never a JSON body with no way back. Only the code goes into the URL.
 */
function signInFailed(c: Context<AppEnv>, err: unknown): Response {
  const code = err instanceof SignInFailure ? err.signInError : 'sso_failed'
  const detail = { code, err: err instanceof SignInFailure ? err.message : err }
  if (err instanceof SignInFailure && err.status < 500)
    c.var.log.warn(detail, 'oidc sign-in failed')
  else c.var.log.error(detail, 'oidc sign-in failed')
  return c.redirect(`/login?error=${code}`, 302)
}

export const authRoutes = new Hono<AppEnv>()
  .get('/me', (c) => c.json(me(c, c.var.user, c.var.mustChangePassword), 200))
  .post('/login', validate('json', LoginBody), async (c) => {
    const { users, db, clock } = c.var.deps
    const { username, password } = c.req.valid('json')
    const throttle = createLoginThrottle(db, clock)
    const wait = await throttle.retryAfter(username, c.var.clientIp)
    if (wait > 0)
      throw new AppError('RATE_LIMITED', 'too many failed sign-ins; try again later', {
        retryAfterSeconds: wait,
      })
    const account = await users.authenticate(username, password)
    if (!account) {
      const lockout = await throttle.recordFailure(username, c.var.clientIp)
      c.var.log.warn({ username }, 'login failed')
      await auditFailedAttempt(c, lockout, 'auth.login', username, null)
      throw new AppError('INVALID_CREDENTIALS', 'wrong username or password')
    }
    await throttle.recordSuccess(username, c.var.clientIp)
    const user: SessionUser = {
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      authMethod: 'local',
    }
    await startAuditedSession(c, user, 'api')
    c.var.log.info({ username }, 'login')
    return c.json(me(c, user, account.mustChangePassword), 200)
  })
  .post('/logout', async (c) => {
    const { sessions, config, ledger } = c.var.deps
    const sid = getCookie(c, sessionCookieName(config))
    if (sid) await sessions.destroy(sid)
    clearSessionCookie(c, config)
    const user = c.var.user
    if (user)
      await recordQuietly(
        ledger,
        c.var.log,
        requestEvent(c, {
          action: 'auth.logout',
          actor: user.username,
          role: user.role,
          outcome: 'success',
        }),
      )
    // A shared workstation keeps nothing of the session. Not "cookies": that would wipe every
    // cookie of the registrable domain (an SSO provider's on a sibling host); ours is expired above.
    c.header('Clear-Site-Data', '"cache", "storage"')
    return c.json({ ok: true }, 200)
  })
  .post('/password', validate('json', ChangePasswordBody), async (c) => {
    const { users, sessions, db, clock } = c.var.deps
    const user = c.var.user
    if (!user) throw new AppError('UNAUTHENTICATED', 'sign in first')
    if (user.authMethod !== 'local')
      throw new AppError(
        'FORBIDDEN',
        'single sign-on accounts change their password at the identity provider',
      )
    const { currentPassword, newPassword } = c.req.valid('json')
    const throttle = createLoginThrottle(db, clock)
    const wait = await throttle.retryAfter(user.username, c.var.clientIp)
    if (wait > 0)
      throw new AppError('RATE_LIMITED', 'too many failed attempts; try again later', {
        retryAfterSeconds: wait,
      })
    if (!(await users.authenticate(user.username, currentPassword))) {
      const lockout = await throttle.recordFailure(user.username, c.var.clientIp)
      await auditFailedAttempt(c, lockout, 'auth.password-change', user.username, user.role)
      throw new AppError('INVALID_CREDENTIALS', 'the current password is wrong')
    }
    if (newPassword === currentPassword) {
      const message = 'Choose a password different from the current one.'
      throw new AppError('VALIDATION_FAILED', `New password: ${message}`, {
        fields: { newPassword: message },
      })
    }
    await users.setPassword(user.username, newPassword, { mustChange: false })
    // The change is made: a ledger that cannot take it now must not turn it into a failure.
    await recordQuietly(
      c.var.deps.ledger,
      c.var.log,
      requestEvent(c, {
        action: 'auth.password-change',
        actor: user.username,
        role: user.role,
        outcome: 'success',
      }),
    )
    // Everything signed in with the old password ends; this browser gets a fresh session.
    await sessions.destroyForUser(user.username)
    const { id } = await sessions.create(user)
    setSessionCookie(c, c.var.deps.config, id)
    return c.json(me(c, user, false), 200)
  })
  .get('/oidc/login', async (c) => {
    const { config } = c.var.deps
    const svc = oidcService(c)
    let started
    try {
      started = await svc.begin()
    } catch (err) {
      return signInFailed(c, err)
    }
    const { url, state } = started
    setCookie(c, OIDC_STATE_COOKIE, state, {
      httpOnly: true,
      secure: config.session.cookieSecure,
      sameSite: 'Lax',
      path: '/api/auth/oidc',
      maxAge: 600,
    })
    return c.redirect(url, 302)
  })
  .get('/oidc/callback', async (c) => {
    const { config } = c.var.deps
    const svc = oidcService(c)
    const cookieState = getCookie(c, OIDC_STATE_COOKIE)
    deleteCookie(c, OIDC_STATE_COOKIE, {
      path: '/api/auth/oidc',
      secure: config.session.cookieSecure,
    })
    let user
    try {
      user = await svc.complete(new URL(c.req.url), cookieState)
    } catch (err) {
      await recordQuietly(
        c.var.deps.ledger,
        c.var.log,
        requestEvent(c, {
          action: 'auth.login',
          actor: 'unknown',
          role: null,
          via: 'oidc',
          outcome: 'failure',
          details: { cause: err instanceof SignInFailure ? err.signInError : 'sso_failed' },
        }),
      )
      return signInFailed(c, err)
    }
    await startAuditedSession(c, user, 'oidc')
    c.var.log.info({ username: user.username, role: user.role }, 'oidc login')
    return c.redirect('/', 302)
  })
