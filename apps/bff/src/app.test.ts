import { expect, test } from 'vitest'
import { testClient } from 'hono/testing'
import { createApp } from './app.js'
import { createTestContext } from './testing/test-deps.js'

// createApp's return type is AppType's app; testClient derives the RPC client from it.
test('AppType gives a typed RPC client over the platform routes', async () => {
  const ctx = await createTestContext()
  const client = testClient(createApp(ctx.deps))
  const res = await client.api.auth.me.$get()
  expect(res.status).toBe(200)
  const me = await res.json()
  // Typed: `demoMode` and `user` are known fields of the response.
  expect([me.demoMode, me.user]).toEqual([true, null])
  const live = await client.livez.$get()
  expect(await live.json()).toEqual({ status: 'ok' })
  await ctx.close()
})
