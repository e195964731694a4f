import { Pool } from 'undici'
import { percentile } from './stats.js'

export interface LoadOptions {
  /** Base URL of the server under test (loopback). */
  origin: string
  path: string
  /** Path of request number `i` instead of `path` (e.g. a different workload each time). */
  pathFor?: (i: number) => string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  /** Builds the body of request number `i` (POST); lets each request hit a different workload. */
  body?: (i: number) => string
  /** Requests in flight at once (closed loop: each connection waits for its answer). */
  connections: number
  /** Stop after this long ... */
  durationMs: number
  /** ... or after this many requests, whichever comes first. */
  maxRequests?: number
  /** Discard the first requests (JIT, pools, caches) before measuring. */
  warmupRequests?: number
  /** Called after the warm-up, right before the measured requests start. */
  onMeasureStart?: () => Promise<void>
}

export interface LoadResult {
  requests: number
  errors: number
  /** Non-2xx answers by status. */
  statuses: Record<number, number>
  seconds: number
  rps: number
  p50: number
  p99: number
}

/**
 * A small closed-loop load generator over an undici keep-alive pool: `connections` workers send
 * requests back to back until the time or count bound is reached. Latency is per request.
 */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(opts.origin, {
    connections: opts.connections,
    pipelining: 1,
    keepAliveTimeout: 30_000,
  })
  const send = async (i: number): Promise<number> => {
    const body = opts.body?.(i)
    const res = await pool.request({
      path: opts.pathFor ? opts.pathFor(i) : opts.path,
      method: opts.method ?? 'GET',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...opts.headers,
      },
      ...(body === undefined ? {} : { body }),
    })
    await res.body.dump({ limit: Number.MAX_SAFE_INTEGER })
    return res.statusCode
  }
  try {
    let counter = 0
    const warmup = opts.warmupRequests ?? 0
    await Promise.all(
      Array.from({ length: Math.min(warmup, opts.connections) }, async () => {
        while (counter < warmup) await send(counter++)
      }),
    )
    await opts.onMeasureStart?.()
    const latencies: number[] = []
    const statuses: Record<number, number> = {}
    let errors = 0
    const max = opts.maxRequests ?? Infinity
    const started = performance.now()
    const deadline = started + opts.durationMs
    let issued = 0
    const worker = async (): Promise<void> => {
      // Counted when sent, not when answered: with many connections in flight the count bound
      // must not be overshot (each request may need a workload of its own).
      while (performance.now() < deadline && issued < max) {
        issued++
        const t0 = performance.now()
        try {
          const status = await send(counter++)
          latencies.push(performance.now() - t0)
          if (status >= 300) statuses[status] = (statuses[status] ?? 0) + 1
        } catch {
          errors++
        }
      }
    }
    await Promise.all(Array.from({ length: opts.connections }, worker))
    const seconds = (performance.now() - started) / 1000
    return {
      requests: latencies.length,
      errors,
      statuses,
      seconds,
      rps: latencies.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    }
  } finally {
    await pool.close()
  }
}
