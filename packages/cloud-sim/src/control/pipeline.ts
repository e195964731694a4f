import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { SimEnv } from '../http.js'
import type { SimState } from '../state.js'
import type { ServiceName, SimRequestRecord } from '../types.js'
import { SERVICE_NAMES } from '../types.js'
import { applyFault } from './fault-apply.js'
import { safeExcerpt, safeQuery } from './request-log.js'

/** `/dli/v1.0/x` → { service: 'dli', subPath: '/v1.0/x' }. */
export function splitService(pathname: string): { service: ServiceName | null; subPath: string } {
  const m = /^\/([^/]+)(\/.*)?$/.exec(pathname)
  const first = m?.[1] as ServiceName | undefined
  if (first && SERVICE_NAMES.includes(first)) return { service: first, subPath: m?.[2] ?? '/' }
  return { service: null, subPath: pathname }
}

/**
 * The outermost layer, playing the gateway: request id on every response, the request log and
 * fault injection for everything except the control API.
 */
export function pipeline(state: SimState): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const requestId = randomUUID().replace(/-/g, '')
    c.set('requestId', requestId)
    const url = new URL(c.req.url)
    if (url.pathname === '/__sim' || url.pathname.startsWith('/__sim/')) {
      await next()
      c.res.headers.set('X-Request-Id', requestId)
      return
    }
    const method = c.req.method
    const raw = method === 'GET' || method === 'HEAD' ? '' : await c.req.text()
    c.set('rawBody', raw)
    const { service, subPath } = splitService(url.pathname)
    const fault = state.faults.take(service, method, subPath)
    const record: SimRequestRecord = {
      at: state.clock.now(),
      requestId,
      service,
      method,
      path: subPath,
      query: safeQuery(url.searchParams),
      bodyExcerpt: safeExcerpt(raw),
      status: 0,
      fault: fault?.kind ?? null,
    }
    // Logged before handling, so hanging requests are visible too; status is filled in after.
    state.log.add(record)
    if (fault) {
      const res = await applyFault(c, next, fault, service)
      if (res) c.res = res
    } else {
      await next()
    }
    record.status = c.res.status
    c.res.headers.set('X-Request-Id', requestId)
  }
}
