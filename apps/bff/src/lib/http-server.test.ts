import { connect } from 'node:net'
import { expect, onTestFinished, test } from 'vitest'
import { listen, type ServerTimeouts } from './http-server.js'

const hello = () => new Response('hi')

async function server(timeouts?: Partial<ServerTimeouts>) {
  const s = await listen({
    fetch: hello,
    port: 0,
    hostname: '127.0.0.1',
    ...(timeouts ? { timeouts } : {}),
  })
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        s.server.closeAllConnections()
        s.server.close(() => resolve())
      }),
  )
  return s
}

test('the production server bounds slow clients: headers within 10 s, the whole request within 30 s', async () => {
  const { server: s } = await server()
  expect(s.headersTimeout).toBe(10_000)
  expect(s.requestTimeout).toBe(30_000)
})

test('a client trickling its headers is answered 408 and disconnected once the header deadline passes', async () => {
  const { port } = await server({
    headersTimeout: 200,
    requestTimeout: 400,
    connectionsCheckingInterval: 50,
  })
  const socket = connect(port, '127.0.0.1')
  onTestFinished(() => void socket.destroy())
  let received = ''
  socket.on('data', (d: Buffer) => (received += d.toString('latin1')))
  // A request line and one header, never the blank line that ends the headers.
  socket.write('GET /livez HTTP/1.1\r\nHost: x\r\n')
  const opened = Date.now()
  await new Promise<void>((resolve) => socket.once('close', () => resolve()))
  expect(received).toMatch(/^HTTP\/1\.1 408/)
  expect(Date.now() - opened).toBeLessThan(5_000)
})

test('a port already in use rejects with EADDRINUSE instead of an uncaught error event', async () => {
  const { port } = await server()
  await expect(listen({ fetch: hello, port, hostname: '127.0.0.1' })).rejects.toMatchObject({
    code: 'EADDRINUSE',
  })
})
