import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { getRequestListener } from '@hono/node-server'
import { createCloudSim, type SimOptions } from '@ops-console/cloud-sim'
import { announceReady, hostConfig } from '../lib/child.js'

/**
 * The simulator on an ephemeral loopback port. Besides `/__sim/*` it answers `/__bench/count`
 * with the number of service requests received (the sim's own request log keeps only the last
 * 5,000, too few to count a load test), and `DELETE /__bench/count` resets it.
 */
/** `keepAliveMs`: idle keep-alive of the sim's sockets (the soak wants idle sockets to close soon). */
const { keepAliveMs, ...options } = hostConfig<SimOptions & { keepAliveMs?: number }>()
const sim = createCloudSim(options)
const listener = getRequestListener(sim.app.fetch)
let count = 0

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  const url = req.url ?? '/'
  if (url.startsWith('/__bench/count')) {
    if (req.method === 'DELETE') count = 0
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ count }))
    return
  }
  if (!url.startsWith('/__sim')) count++
  void listener(req, res)
})
server.keepAliveTimeout = keepAliveMs ?? 60_000
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  announceReady({ origin: `http://127.0.0.1:${port}`, defaults: sim.defaults })
})
process.once('SIGTERM', () => server.close(() => process.exit(0)))
