import { expect, test } from 'vitest'
import { createTestApp } from '../testing/test-app.js'

// Paths a proxy or router might read differently from the authorization check. (`%2E` dot
// segments are resolved by the WHATWG URL parser before app.request; see the raw-target test.)
const REJECTED = [
  '/api//audit/export',
  '//api/audit/export',
  '/api/audit%2Fexport',
  '/api/audit%2fexport',
  '/api%2Faudit',
  '/api/audit%5Cexport',
  '/api/audit%00',
  '/api/audit%0a',
  '/api/audit%09/export',
  '/api/audit%7F',
  '/API/audit/export',
  '/Api/audit',
  '/aPI/audit/export',
]

test('path-variant matrix: ambiguous paths are refused with 400 before authorization', async () => {
  const t = await createTestApp()
  const admin = await t.as('admin')
  const got = []
  for (const path of REJECTED) {
    const res = await admin.get(path)
    const body = (await res.json()) as { error: { code: string } }
    got.push([path, res.status, body.error.code])
  }
  expect(got).toEqual(REJECTED.map((p) => [p, 400, 'BAD_REQUEST']))
  await t.close()
})

test('raw request targets are checked before URL normalisation (dot segments, backslashes)', async () => {
  const t = await createTestApp()
  // Under @hono/node-server the URL is normalised; the raw target is still on env.incoming.
  for (const raw of [
    '/api/auth/../audit/export',
    '/api/./audit',
    '/api/auth/%2e%2e/audit',
    '/api/%2E%2E/audit/export',
    '/api/audit/%2e',
    '/api\\audit',
  ]) {
    const res = await t.app.request('/api/audit/export', {}, { incoming: { url: raw } })
    expect([raw, res.status]).toEqual([raw, 400])
  }
  await t.close()
})

test('ordinary paths and query strings pass the guard', async () => {
  const t = await createTestApp()
  const admin = await t.as('admin')
  expect((await admin.get('/api/audit?q=a%2Fb&actor=x.y')).status).toBe(200)
  expect((await admin.get('/api/audit/export?format=json')).status).toBe(200)
  expect((await t.app.request('/livez')).status).toBe(200)
  await t.close()
})
