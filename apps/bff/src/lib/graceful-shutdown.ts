import type { Logger } from './logger.js'

export interface ClosableServer {
  close(cb?: (err?: Error) => void): unknown
  closeIdleConnections?: () => void
  closeAllConnections?: () => void
}

export interface ShutdownOptions {
  server: ClosableServer
  /** Run after the server stopped taking requests (services, database). */
  cleanup: () => Promise<void>
  /**
   * Run right after the server stops accepting connections, before waiting for the drain: ends
   * long-lived responses (event streams) that would otherwise hold the drain open until the grace
   * period runs out. Ordinary in-flight requests are still allowed to finish.
   */
  beforeDrain?: () => void
  log: Logger
  graceMs: number
  exit: (code: number) => void
  /** Called first: readiness turns 503 so load balancers stop sending new requests here. */
  startDraining?: () => void
  /**
   * How long the listener keeps serving after SIGTERM, before it closes: long enough for a load
   * balancer's health check to see the 503 (new requests meanwhile are still answered). SIGINT
   * (Ctrl+C at a terminal) does not wait.
   */
  drainDelayMs?: number
}

/**
 * Turns readiness to 503, keeps serving for the drain delay, then stops accepting connections,
 * lets in-flight requests finish, cleans up and exits 0. If the drain takes longer than the grace
 * period, remaining connections are cut and the exit code is 1.
 */
export function createShutdown(opts: ShutdownOptions): (signal: string) => Promise<void> {
  let started = false
  return async (signal) => {
    if (started) return
    started = true
    opts.startDraining?.()
    const drainDelayMs = signal === 'SIGTERM' ? (opts.drainDelayMs ?? 0) : 0
    opts.log.info(
      { signal, drainDelayMs, graceMs: opts.graceMs },
      'shutting down: /readyz answers 503; the listener closes after the drain delay',
    )
    if (drainDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, drainDelayMs))
    opts.log.info('closing the listener: draining in-flight requests')
    const timer = setTimeout(() => {
      opts.log.error('grace period over; closing remaining connections')
      opts.server.closeAllConnections?.()
      opts.exit(1)
    }, opts.graceMs)
    timer.unref()
    const closed = new Promise<void>((resolve) => opts.server.close(() => resolve()))
    // Keep-alive sockets with no request in flight would otherwise hold close() open.
    opts.server.closeIdleConnections?.()
    try {
      opts.beforeDrain?.()
    } catch (err) {
      opts.log.error({ err }, 'ending long-lived responses failed')
    }
    await closed
    try {
      await opts.cleanup()
    } catch (err) {
      opts.log.error({ err }, 'cleanup failed')
    }
    clearTimeout(timer)
    opts.log.info('bye')
    opts.exit(0)
  }
}
