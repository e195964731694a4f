import { createServer } from 'node:http'
import { Pool } from 'undici'
import { announceReady, hostConfig } from '../lib/child.js'
import { simToken, type SimUserCreds } from '../lib/sim-token.js'

interface RawProxyConfig {
  simOrigin: string
  user: SimUserCreds
  region: string
}

/**
 * The baseline: a minimal `node:http` reverse proxy that forwards every request path verbatim to
 * the simulator with a cached IAM token, over an undici keep-alive pool of the same size as the
 * cloud client's default transport (32 connections), and streams the answer back.
 */
const cfg = hostConfig<RawProxyConfig>()
const token = await simToken(cfg.simOrigin, cfg.user, cfg.region)
const pool = new Pool(cfg.simOrigin, { connections: 32, keepAliveTimeout: 30_000 })

const server = createServer((req, res) => {
  pool
    .request({
      path: req.url ?? '/',
      method: 'GET',
      headers: { 'x-auth-token': token, accept: 'application/json' },
    })
    .then(async (up) => {
      res.writeHead(up.statusCode, {
        'content-type': String(up.headers['content-type'] ?? 'application/json'),
      })
      for await (const chunk of up.body) res.write(chunk as Buffer)
      res.end()
    })
    .catch(() => {
      res.writeHead(502).end()
    })
})
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  announceReady({ origin: `http://127.0.0.1:${port}` })
})
process.once('SIGTERM', () => server.close(() => void pool.close().then(() => process.exit(0))))
