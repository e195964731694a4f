import { createServer } from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runLoad } from './load.js'

// One real loopback server: the load generator must count answers, statuses and bodies it sent.
let origin = ''
const seenBodies: string[] = []
const server = createServer((req, res) => {
  let body = ''
  req.on('data', (c: Buffer) => (body += c.toString()))
  req.on('end', () => {
    if (body) seenBodies.push(body)
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'text/plain' }).end('ok')
  })
})

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

test('stops at maxRequests and reports latency percentiles', async () => {
  const r = await runLoad({
    origin,
    path: '/',
    connections: 4,
    durationMs: 10_000,
    maxRequests: 40,
  })
  expect(r.requests).toBe(40)
  expect(r.errors).toBe(0)
  expect(r.p99).toBeGreaterThanOrEqual(r.p50)
  expect(r.statuses).toEqual({})
})

test('counts non-2xx answers by status and sends one body per request', async () => {
  seenBodies.length = 0
  const r = await runLoad({
    origin,
    path: '/missing',
    method: 'POST',
    body: (i) => JSON.stringify({ i }),
    connections: 2,
    durationMs: 10_000,
    maxRequests: 10,
  })
  expect(r.statuses[404]).toBe(r.requests)
  expect(new Set(seenBodies).size).toBe(seenBodies.length)
})
