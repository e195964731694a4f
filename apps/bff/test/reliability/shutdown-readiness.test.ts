import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, onTestFinished, test } from 'vitest'
import { startBff, stop } from './processes.js'

const DELAY_MS = 2_000

test('SIGTERM: /readyz turns 503 while the listener still serves, then the process drains and exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ops-drain-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  const bff = await startBff({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    SQLITE_PATH: join(dir, 'ops.db'),
    WEB_DIST_DIR: '/nonexistent-web-dist',
    LOG_LEVEL: 'info',
    SHUTDOWN_DELAY_MS: String(DELAY_MS),
  })
  onTestFinished(() => stop(bff.proc))
  expect((await fetch(`${bff.url}/readyz`)).status).toBe(200)

  const signalled = Date.now()
  bff.proc.child.kill('SIGTERM')
  await bff.proc.waitFor(/"msg":"shutting down/)
  const ready = await fetch(`${bff.url}/readyz`)
  const live = await fetch(`${bff.url}/livez`)
  const answeredAt = Date.now()
  expect(ready.status).toBe(503)
  expect(await ready.json()).toMatchObject({ error: { code: 'NOT_READY' } })
  expect(live.status).toBe(200)
  // Both answers came from the open listener, well before the drain delay ran out.
  expect(answeredAt - signalled).toBeLessThan(DELAY_MS)

  const exit = await bff.proc.exited
  expect(exit.code).toBe(0)
  const lines = bff.proc.lines.join('\n')
  expect(lines.indexOf('"msg":"shutting down')).toBeLessThan(
    lines.indexOf('"msg":"closing the listener'),
  )
  await expect(fetch(`${bff.url}/livez`)).rejects.toThrow()
}, 60_000)
