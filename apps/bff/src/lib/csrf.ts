import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env.js'
import { AppError } from './errors.js'

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
export const CSRF_HEADER = 'X-Ops-Console'

/**
 * Every unsafe request must come from our own origin (Origin, or Sec-Fetch-Site when a browser
 * omits Origin), carry the custom header (a cross-site form or no-cors fetch cannot set it) and
 * be JSON (no "simple" content types that skip CORS preflight).
 */
export function csrf(publicOrigin: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next()
    const origin = c.req.header('origin')
    const sameOrigin =
      origin !== undefined
        ? origin === publicOrigin
        : c.req.header('sec-fetch-site') === 'same-origin'
    if (!sameOrigin) throw new AppError('CSRF_REJECTED', 'cross-origin request refused')
    if (c.req.header(CSRF_HEADER) !== '1')
      throw new AppError('CSRF_REJECTED', `missing ${CSRF_HEADER} header`)
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json')
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send application/json')
    await next()
  }
}
