import { expect, test } from 'vitest'
import { createTestApp } from '../testing/test-app.js'

test('livez answers without a session', async () => {
  const t = await createTestApp()
  const res = await t.app.request('/livez')
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ status: 'ok' })
  await t.close()
})

test('readyz is 200 while the database takes writes and 503 NOT_READY once it is gone', async () => {
  const t = await createTestApp()
  expect((await t.app.request('/readyz')).status).toBe(200)
  await t.testDb.close()
  const res = await t.app.request('/readyz')
  expect(res.status).toBe(503)
  expect(await res.json()).toMatchObject({
    error: { code: 'NOT_READY', requestId: res.headers.get('x-request-id') },
  })
})

test('a signed-in request while the database is gone is 503 NOT_READY, not a 500', async () => {
  const t = await createTestApp()
  const b = await t.as('viewer')
  await t.testDb.close()
  const res = await b.get('/api/audit')
  expect(res.status).toBe(503)
  expect(await res.json()).toMatchObject({
    error: { code: 'NOT_READY', message: 'the database is unavailable' },
  })
})
