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
}

/**
 * Stops accepting connections, lets in-flight requests finish, then cleans up and exits 0. If
 * that takes longer than the grace period, remaining connections are cut and the exit code is 1.
 */
export function createShutdown(opts: ShutdownOptions): (signal: string) => Promise<void> {
  let started = false
  return async (signal) => {
    if (started) return
    started = true
    opts.log.info({ signal, graceMs: opts.graceMs }, 'shutting down: draining in-flight requests')
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
