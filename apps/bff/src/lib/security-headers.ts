import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.js'
import { isApiLike } from './static-spa.js'

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

/**
 * Security headers on every response. Nothing is cached unless it says so itself (the SPA's
 * files do): API answers, errors and refusals on any path — also one the path guard refused
 * before routing, such as `/api/%2e%2e/x`, whose parsed path no longer starts with /api.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  c.header('Content-Security-Policy', CSP)
  c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'no-referrer')
  c.header('X-Frame-Options', 'DENY')
  c.header('Cross-Origin-Opener-Policy', 'same-origin')
  if (isApiLike(c.req.path) || !c.res.headers.has('Cache-Control'))
    c.header('Cache-Control', 'no-store')
  // JSON is UTF-8 (RFC 8259); saying so keeps every client and proxy from guessing.
  if (c.res.headers.get('Content-Type') === 'application/json')
    c.header('Content-Type', 'application/json; charset=utf-8')
}
