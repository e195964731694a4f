import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { expect, test } from 'vitest'
import { manualSim } from './helpers.js'

/** Serves a sim on an ephemeral loopback port, as src/main.ts does. */
async function listen(
  sim: ReturnType<typeof manualSim>,
): Promise<{ base: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = serve(
      { fetch: sim.app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolve({ base: `http://127.0.0.1:${info.port}`, close: () => server.close() })
      },
    )
  })
}

test('standalone: reset destroys the socket, hang ends when the client gives up', async () => {
  const sim = manualSim()
  const { base, close } = await listen(sim)
  try {
    const ok = await fetch(`${base}/dli/v1.0/x/streaming/jobs`)
    expect(ok.status).toBe(401)
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/)
    sim.control.injectFault({ kind: 'reset', times: 1 })
    const err: unknown = await fetch(`${base}/dli/v1.0/x/streaming/jobs`).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TypeError)
    sim.control.injectFault({ kind: 'hang', times: 1 })
    await expect(
      fetch(`${base}/dli/v1.0/x/streaming/jobs`, { signal: AbortSignal.timeout(100) }),
    ).rejects.toMatchObject({ name: 'TimeoutError' })
    // The server side notices the disconnect and settles the hung request.
    await expect.poll(() => sim.control.requests().at(-1)?.status, { timeout: 2000 }).toBe(499)
  } finally {
    close()
  }
})
