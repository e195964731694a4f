import { expect, onTestFinished, test } from 'vitest'
import { createLifecycle } from '../lib/lifecycle.js'
import { createTestApp } from '../testing/test-app.js'

test('while draining after SIGTERM, /readyz answers 503 NOT_READY and /livez and the API keep answering', async () => {
  const t = await createTestApp()
  onTestFinished(() => t.close())
  const lifecycle = createLifecycle()
  t.deps.lifecycle = lifecycle
  const viewer = await t.as('viewer')
  expect((await t.app.request('/readyz')).status).toBe(200)
  lifecycle.startDraining()
  const ready = await t.app.request('/readyz')
  expect(ready.status).toBe(503)
  expect(await ready.json()).toMatchObject({
    error: { code: 'NOT_READY', message: 'shutting down' },
  })
  expect((await t.app.request('/livez')).status).toBe(200)
  // Requests that still arrive (the load balancer has not noticed yet) are served as usual.
  expect((await viewer.get('/api/auth/me')).status).toBe(200)
})
