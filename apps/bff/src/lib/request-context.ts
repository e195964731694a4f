import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { AppDeps, AppEnv } from './app-env.js'

/** Last X-Forwarded-For hop (the one our own proxy appended) when the proxy is trusted. */
function clientIp(c: Parameters<MiddlewareHandler<AppEnv>>[0], trustProxy: boolean): string | null {
  if (trustProxy) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean)
    const last = hops.at(-1)
    if (last) return last.slice(0, 64)
  }
  return c.env?.incoming?.socket?.remoteAddress ?? null
}

/**
 * First middleware: a server-generated request id (client ids are not trusted, they end up in
 * audit rows), the deps, a request-bound logger and one access-log line per request.
 */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = randomUUID()
    const started = performance.now()
    const log = deps.log.child({ requestId })
    c.set('requestId', requestId)
    c.set('deps', deps)
    c.set('log', log)
    c.set('user', null)
    c.set('session', null)
    c.set('clientIp', clientIp(c, deps.config.trustProxy))
    c.header('X-Request-Id', requestId)
    await next()
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round(performance.now() - started),
        user: c.get('user')?.username,
      },
      'request',
    )
  }
}
