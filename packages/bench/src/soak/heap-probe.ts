/**
 * Reads the BFF's JavaScript heap after a full garbage collection, through the V8 inspector the
 * soak (only) opens on a loopback port: RSS alone cannot tell a leak from a heap V8 has not
 * bothered to collect yet. Chrome DevTools Protocol over Node's built-in WebSocket.
 */
export interface HeapProbe {
  /** Forces a full GC, then `process.memoryUsage()` of the BFF in MB. */
  afterGc(): Promise<{ rssMb: number; heapUsedMb: number; externalMb: number }>
  close(): void
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

export async function connectHeapProbe(wsUrl: string): Promise<HeapProbe> {
  const ws = new WebSocket(wsUrl)
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true })
    ws.addEventListener('error', () => reject(new Error('cannot reach the BFF inspector')), {
      once: true,
    })
  })
  let next = 1
  const pending = new Map<number, (result: unknown) => void>()
  ws.addEventListener('message', (ev: MessageEvent) => {
    const msg = JSON.parse(String(ev.data)) as { id?: number; result?: unknown }
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result)
  })
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = next++
      pending.set(id, resolve)
      ws.send(JSON.stringify({ id, method, params }))
    })
  return {
    async afterGc() {
      await call('HeapProfiler.collectGarbage')
      const res = (await call('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      })) as { result: { value: string } }
      const m = JSON.parse(res.result.value) as { rss: number; heapUsed: number; external: number }
      return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external) }
    },
    close: () => ws.close(),
  }
}
