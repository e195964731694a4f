import { Agent, fetch as undiciFetch } from 'undici'
import type { FetchLike } from '../types.js'

let shared: FetchLike | undefined

/**
 * undici `fetch` over one keep-alive connection pool shared by all clients in the process, so
 * repeated calls to the same cloud host reuse TLS connections.
 */
export function defaultFetch(): FetchLike {
  if (shared) return shared
  const dispatcher = new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 120_000,
    connections: 32,
  })
  const send: FetchLike = async (input, init) => {
    // The http core only ever sends string bodies and plain header records.
    const response = await undiciFetch(input, {
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? init.body : null,
      redirect: init.redirect ?? 'manual',
      signal: init.signal ?? null,
      dispatcher,
    })
    // undici 8's Response is the runtime class behind the global one; only its declaration file
    // (undici/types) differs from the copy bundled with @types/node (undici-types).
    return response as unknown as Response
  }
  shared = send
  return send
}
