import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from 'vitest'
import { createCloudClient } from '../client.js'
import { CloudError } from '../errors.js'

// One real-socket test: the default undici transport must send what the http core built and must
// hand 3xx answers back instead of following them.
test('the default undici transport sends signed requests and does not follow redirects', async () => {
  const seen: { url: string; headers: IncomingMessage['headers'] }[] = []
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    if (req.url?.endsWith('/redirect')) {
      res.writeHead(302, { location: 'http://127.0.0.1:1/steal' }).end()
      return
    }
    res
      .writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r-1' })
      .end('{"count":0,"tasks":[]}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  try {
    const client = createCloudClient({
      region: 'cn-north-4',
      projectId: 'p1',
      credentials: { type: 'aksk', ak: 'AK', sk: 'SK' },
      endpoints: { modelarts: `http://127.0.0.1:${port}/modelarts` },
      allowInsecureLoopback: true,
      nodeEnv: 'test',
    })
    const ok = await client.modelarts.listTasks({ limit: 5 })
    expect(ok).toMatchObject({ status: 200, requestId: 'r-1', data: { count: 0, tasks: [] } })
    expect(seen[0]?.url).toBe('/modelarts/v2/p1/processor-tasks?limit=5')
    expect(seen[0]?.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=AK, /)
    const error = await client.modelarts.getTask('redirect').then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(CloudError)
    expect((error as CloudError).kind).toBe('redirect')
    expect(seen).toHaveLength(2)
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
})
