import type { Next } from 'hono'
import type { SimContext } from '../http.js'
import { gatewayError, serviceError } from '../http.js'
import type { ServiceName, SimFault } from '../types.js'

/** Resolves true after `ms`, or false as soon as `signal` aborts (never rejects). */
export function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      resolve(false)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** What undici's fetch throws when the peer resets the connection. */
export function connectionResetError(): TypeError {
  const cause = Object.assign(new Error('read ECONNRESET'), {
    code: 'ECONNRESET',
    errno: -104,
    syscall: 'read',
  })
  return new TypeError('fetch failed', { cause })
}

export function isConnectionReset(err: unknown): err is TypeError {
  return (
    err instanceof TypeError && (err.cause as { code?: string } | undefined)?.code === 'ECONNRESET'
  )
}

/** 5xx codes in each service's own envelope; ModelArts really reuses 4700 for its 503. */
const FAULT_CODES: Record<ServiceName, string> = {
  iam: '',
  dataarts: 'DLF.0999',
  codearts: 'CB.00060100',
  dli: 'DLI.0999',
  modelarts: 'ModelArts.4700',
}

/** A response nobody will read: the client has gone (aborted) or the socket is destroyed. */
const gone = (): Response => new Response(null, { status: 499 })

/** Applies one fault. Returns the response to send (undefined = keep what next() produced). */
export async function applyFault(
  c: SimContext,
  next: Next,
  fault: SimFault,
  service: ServiceName | null,
): Promise<Response | undefined> {
  const signal = c.req.raw.signal
  switch (fault.kind) {
    case 'latency':
      if (!(await wait(fault.ms ?? 1000, signal))) return gone()
      await next()
      return undefined
    case 'hang':
      await new Promise<void>((resolve) => {
        if (signal.aborted) resolve()
        signal.addEventListener('abort', () => resolve(), { once: true })
      })
      return gone()
    case 'status': {
      const status = fault.status ?? 503
      if (!service) return gatewayError(c, status, 'APIGW.0001', 'Simulated failure')
      return serviceError(
        c,
        service,
        status,
        FAULT_CODES[service],
        `Simulated failure (HTTP ${status}), please retry later.`,
      )
    }
    case 'rate-limit': {
      const res = gatewayError(
        c,
        429,
        'APIGW.0308',
        'The throttling threshold has been reached: policy user over ratelimit',
      )
      res.headers.set('Retry-After', fault.retryAfter ?? '1')
      return res
    }
    case 'reset':
      if (c.env?.incoming) {
        c.env.incoming.socket.destroy()
        return gone()
      }
      throw connectionResetError()
    case 'malformed-json':
      return new Response(
        '{"is_success":"true","message":"","job_list":{"total_count":3,"jobs":[{"job_id":',
        {
          status: fault.status ?? 200,
          headers: { 'content-type': 'application/json;charset=UTF-8' },
        },
      )
    case 'redirect':
      return new Response(null, {
        status: fault.status ?? 302,
        headers: { location: fault.location ?? 'https://auth.example.invalid/login' },
      })
    case 'slow-body':
      await next()
      return slowBody(c.res, fault.ms ?? 2000, signal)
  }
}

/** Re-streams a response in 10 chunks spread over `ms`, headers first (a slow upstream body). */
function slowBody(res: Response, ms: number, signal: AbortSignal): Response {
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const bytes = new Uint8Array(await res.arrayBuffer())
      const size = Math.ceil(bytes.length / 10) || 1
      for (let off = 0; off < bytes.length; off += size) {
        if (off > 0 && !(await wait(ms / 10, signal)))
          return controller.error(new DOMException('aborted', 'AbortError'))
        controller.enqueue(bytes.slice(off, off + size))
      }
      controller.close()
    },
  })
  const headers = new Headers(res.headers)
  headers.delete('content-length')
  return new Response(stream, { status: res.status, headers })
}
