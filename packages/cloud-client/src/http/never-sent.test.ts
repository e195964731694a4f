import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { expect, test } from 'vitest'
import { createCloudClient } from '../client.js'
import { CloudError, wasNeverSent } from '../errors.js'

async function closedLoopbackPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

function clientFor(base: string) {
  return createCloudClient({
    region: 'cn-north-4',
    projectId: 'p1',
    credentials: { type: 'aksk', ak: 'AK', sk: 'SK' },
    endpoints: { dli: `${base}/dli` },
    allowInsecureLoopback: true,
    nodeEnv: 'test',
  })
}

// A stop that met a refused connection never left the process, so callers may record it as a
// failure instead of "unknown".
test('a refused connection is a network error that was never sent', async () => {
  const port = await closedLoopbackPort()
  const error = await clientFor(`http://127.0.0.1:${port}`)
    .dli.stopJobs(['1'], { triggerSavepoint: false })
    .then(
      () => null,
      (e: unknown) => e,
    )
  expect(error).toBeInstanceOf(CloudError)
  expect((error as CloudError).kind).toBe('network')
  expect((error as CloudError).message).toContain('ECONNREFUSED')
  expect(wasNeverSent(error as CloudError)).toBe(true)
})

test('a connection reset after the request was written may have been sent', async () => {
  const server = createServer((socket) => socket.once('data', () => socket.destroy()))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  try {
    const error = await clientFor(`http://127.0.0.1:${port}`)
      .dli.stopJobs(['1'], { triggerSavepoint: false })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(CloudError)
    expect((error as CloudError).kind).toBe('network')
    expect(wasNeverSent(error as CloudError)).toBe(false)
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
})
