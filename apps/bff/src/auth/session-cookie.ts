import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import type { BffConfig } from '../lib/config.js'

/**
 * `__Host-ops_session` (Secure, Path=/, no Domain). Browsers refuse `__Host-` cookies without
 * Secure, so when Secure is switched off (plain-http on a non-localhost host) the cookie is
 * plain `ops_session`. See docs/decisions/002.
 */
export function sessionCookieName(config: Pick<BffConfig, 'session'>): string {
  return config.session.cookieSecure ? '__Host-ops_session' : 'ops_session'
}

export function setSessionCookie(c: Context, config: Pick<BffConfig, 'session'>, id: string): void {
  setCookie(c, sessionCookieName(config), id, {
    httpOnly: true,
    secure: config.session.cookieSecure,
    sameSite: 'Strict',
    path: '/',
    // Session cookie in the browser; the server enforces idle and absolute expiry.
  })
}

export function clearSessionCookie(c: Context, config: Pick<BffConfig, 'session'>): void {
  deleteCookie(c, sessionCookieName(config), {
    httpOnly: true,
    secure: config.session.cookieSecure,
    sameSite: 'Strict',
    path: '/',
  })
}
