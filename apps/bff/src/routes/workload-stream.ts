import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { WorkloadStreamQuery, WorkloadStreamReady } from '@ops-console/contracts'
import type { AppEnv } from '../lib/app-env.js'
import { currentUser, workloadService } from './workloads.js'

/** Browsers reconnect after this long when the stream drops (the SPA may poll meanwhile). */
const RETRY_MS = 3_000

/**
 * `GET /api/workloads/stream`: Server-Sent Events of workload changes (docs/architecture.md,
 * "Live workload stream"). Ends when the client goes away or the service shuts down.
 */
export function workloadStream(c: Context<AppEnv>, query: WorkloadStreamQuery) {
  const stream = workloadService(c).stream
  const user = currentUser(c)
  const { clock, log } = { clock: c.var.deps.clock, log: c.var.log }
  const signal = c.req.raw.signal
  return streamSSE(c, async (sse) => {
    let end: () => void = () => undefined
    const ended = new Promise<void>((resolve) => (end = resolve))
    sse.onAbort(end)
    signal.addEventListener('abort', end, { once: true })
    if (signal.aborted) end()
    const send = (event: string, data: unknown) => {
      if (!sse.aborted && !sse.closed) void sse.writeSSE({ event, data: JSON.stringify(data) })
    }
    const ready: WorkloadStreamReady = { sources: stream.sources(query), ...stream.timing }
    await sse.writeSSE({ event: 'ready', data: JSON.stringify(ready), retry: RETRY_MS })
    // Subscribed only after `ready`, so that it is always the first event.
    const leave = stream.subscribe(user, query, {
      workloads: (changes) => send('workloads', changes),
      source: (status) => send('source', status),
      end,
    })
    const heartbeat = setInterval(
      () => send('heartbeat', { at: clock.now().toISOString() }),
      stream.timing.heartbeatMs,
    )
    try {
      await ended
    } finally {
      clearInterval(heartbeat)
      leave()
      signal.removeEventListener('abort', end)
      log.debug({ sources: ready.sources.length }, 'workload stream closed')
    }
  })
}
