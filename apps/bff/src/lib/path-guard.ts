import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.js'
import { AppError } from './errors.js'

// Encoded slash/backslash/dot, empty segments, dot segments and control characters (raw or
// encoded) could make the authorization check and the router see different paths.
const SUSPICIOUS = [
  /\/\//,
  /%2f/i,
  /%5c/i,
  /%2e/i,
  /\\/,
  /(^|\/)\.\.?(\/|$)/,
  /%[01][0-9a-f]/i,
  /%7f/i,
]

function rawPath(url: string): string {
  const afterScheme = url.indexOf('://')
  const pathStart = afterScheme === -1 ? 0 : url.indexOf('/', afterScheme + 3)
  if (pathStart === -1) return '/'
  const q = url.indexOf('?', pathStart)
  return url.slice(pathStart, q === -1 ? undefined : q)
}

/** True when the path must be refused before routing. */
export function isSuspiciousPath(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) return true
  }
  return SUSPICIOUS.some((re) => re.test(path))
}

/**
 * Rejects ambiguous paths with 400 before any routing or authorization. Checks both the URL Hono
 * routes on and, under @hono/node-server, the raw request target (before URL normalisation).
 * `/API/...` in any other case than `/api` is refused too (the router is case-sensitive).
 */
export const pathGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const paths = [rawPath(c.req.url)]
  const raw = c.env?.incoming?.url
  if (raw) paths.push(rawPath(raw))
  for (const p of paths) {
    if (isSuspiciousPath(p)) throw new AppError('BAD_REQUEST', 'malformed request path')
    const lower = p.toLowerCase()
    if (
      (lower === '/api' || lower.startsWith('/api/')) &&
      !(p === '/api' || p.startsWith('/api/'))
    ) {
      throw new AppError('BAD_REQUEST', 'malformed request path')
    }
  }
  await next()
}
