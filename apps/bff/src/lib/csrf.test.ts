import { expect, test } from 'vitest'
import { createTestApp, PASSWORD } from '../testing/test-app.js'
import { TEST_ORIGIN } from '../testing/test-deps.js'

const body = JSON.stringify({ username: 'viewer', password: PASSWORD })
const good = { Origin: TEST_ORIGIN, 'X-Ops-Console': '1', 'Content-Type': 'application/json' }

// [case, headers, expected status, expected code]
const CASES: [string, Record<string, string>, number, string | null][] = [
  ['same origin, header, JSON', good, 200, null],
  ['JSON with charset', { ...good, 'Content-Type': 'application/json; charset=utf-8' }, 200, null],
  [
    'no Origin but Sec-Fetch-Site same-origin',
    { 'X-Ops-Console': '1', 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
    200,
    null,
  ],
  ['foreign Origin', { ...good, Origin: 'https://evil.example' }, 403, 'CSRF_REJECTED'],
  [
    'Origin differing only in scheme',
    { ...good, Origin: TEST_ORIGIN.replace('https', 'http') },
    403,
    'CSRF_REJECTED',
  ],
  ['Origin with a port', { ...good, Origin: `${TEST_ORIGIN}:8443` }, 403, 'CSRF_REJECTED'],
  ['Origin "null"', { ...good, Origin: 'null' }, 403, 'CSRF_REJECTED'],
  [
    'no Origin, Sec-Fetch-Site cross-site',
    { 'X-Ops-Console': '1', 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' },
    403,
    'CSRF_REJECTED',
  ],
  [
    'no Origin, Sec-Fetch-Site same-site',
    { 'X-Ops-Console': '1', 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-site' },
    403,
    'CSRF_REJECTED',
  ],
  [
    'no Origin and no Sec-Fetch-Site',
    { 'X-Ops-Console': '1', 'Content-Type': 'application/json' },
    403,
    'CSRF_REJECTED',
  ],
  [
    'missing X-Ops-Console',
    { Origin: TEST_ORIGIN, 'Content-Type': 'application/json' },
    403,
    'CSRF_REJECTED',
  ],
  ['X-Ops-Console other than 1', { ...good, 'X-Ops-Console': 'true' }, 403, 'CSRF_REJECTED'],
  [
    'form content type',
    { ...good, 'Content-Type': 'application/x-www-form-urlencoded' },
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  ],
  ['text/plain', { ...good, 'Content-Type': 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
  ['no content type', { Origin: TEST_ORIGIN, 'X-Ops-Console': '1' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
]

test('CSRF matrix on an unsafe route', async () => {
  const t = await createTestApp()
  const got: unknown[] = []
  for (const [name, headers] of CASES) {
    const res = await t.app.request('/api/auth/login', { method: 'POST', body, headers })
    const json = (await res.json()) as { error?: { code: string } }
    got.push([name, headers, res.status, json.error?.code ?? null])
  }
  expect(got).toEqual(CASES)
  await t.close()
})

test('every unsafe method is checked, also on unknown routes, before authorization', async () => {
  const t = await createTestApp()
  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
    const res = await t.app.request('/api/audit', {
      method,
      headers: { Origin: 'https://evil.example' },
    })
    expect([method, res.status]).toEqual([method, 403])
  }
  const get = await t.app.request('/api/auth/me', { headers: { Origin: 'https://evil.example' } })
  expect(get.status).toBe(200)
  await t.close()
})
