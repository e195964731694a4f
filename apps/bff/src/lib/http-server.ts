import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'

/**
 * Limits on slow clients. Node keeps a connection that trickles its headers for 60 s by default;
 * a handful of such sockets per second would hold every file descriptor. Headers must arrive within
 * 10 s and the whole request (headers and body, at most 64 KiB) within 30 s, else 408 and close.
 * The limits cover receiving a request only: long answers such as the event stream are unaffected.
 */
export const SERVER_TIMEOUTS: Readonly<ServerTimeouts> = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  /** How often Node checks those deadlines (default 30 s would let a 10 s limit run to 40 s). */
  connectionsCheckingInterval: 1_000,
}

export interface ServerTimeouts {
  headersTimeout: number
  requestTimeout: number
  connectionsCheckingInterval: number
}

export interface ListenOptions {
  fetch: Parameters<typeof serve>[0]['fetch']
  port: number
  hostname: string
  timeouts?: Partial<ServerTimeouts>
}

/** Starts the Node HTTP server; resolves once it listens, rejects when it cannot (e.g. EADDRINUSE). */
export function listen(opts: ListenOptions): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: opts.fetch,
        port: opts.port,
        hostname: opts.hostname,
        serverOptions: { ...SERVER_TIMEOUTS, ...opts.timeouts },
      },
      (info: AddressInfo) => {
        server.off('error', reject)
        resolve({ server, port: info.port })
      },
    ) as Server
    server.once('error', reject)
  })
}
