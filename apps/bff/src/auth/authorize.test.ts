import { expect, test } from 'vitest'
import type { Role } from '@ops-console/contracts'
import { createTestApp } from '../testing/test-app.js'
import { findRule } from './policy.js'

type Who = 'anonymous' | Role
const WHO: readonly Who[] = ['anonymous', 'viewer', 'operator', 'admin']

// Expected status per caller for the platform's own routes.
const MATRIX: { method: 'GET' | 'POST'; path: string; expect: Record<Who, number> }[] = [
  {
    method: 'GET',
    path: '/api/auth/me',
    expect: { anonymous: 200, viewer: 200, operator: 200, admin: 200 },
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    expect: { anonymous: 401, viewer: 200, operator: 200, admin: 200 },
  },
  {
    method: 'GET',
    path: '/api/audit',
    expect: { anonymous: 401, viewer: 200, operator: 200, admin: 200 },
  },
  {
    method: 'GET',
    path: '/api/audit/export?format=csv',
    expect: { anonymous: 401, viewer: 403, operator: 403, admin: 200 },
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    expect: { anonymous: 401, viewer: 200, operator: 200, admin: 200 },
  },
  {
    method: 'GET',
    path: '/livez',
    expect: { anonymous: 200, viewer: 200, operator: 200, admin: 200 },
  },
  // Not in the policy table: denied before any handler, whoever asks.
  {
    method: 'GET',
    path: '/api/users',
    expect: { anonymous: 401, viewer: 404, operator: 404, admin: 404 },
  },
  {
    method: 'POST',
    path: '/api/audit',
    expect: { anonymous: 401, viewer: 404, operator: 404, admin: 404 },
  },
]

test('role matrix for the platform routes', async () => {
  const t = await createTestApp()
  const browsers = {
    anonymous: t.browser(),
    viewer: await t.as('viewer'),
    operator: await t.as('operator'),
    admin: await t.as('admin'),
  }
  const got: string[] = []
  const want: string[] = []
  for (const row of MATRIX) {
    for (const who of WHO) {
      // Fresh login for logout rows so later rows still have a session.
      const b =
        row.path === '/api/auth/logout' && who !== 'anonymous' ? await t.as(who) : browsers[who]
      const res = row.method === 'GET' ? await b.get(row.path) : await b.post(row.path)
      got.push(`${row.method} ${row.path} ${who} ${res.status}`)
      want.push(`${row.method} ${row.path} ${who} ${row.expect[who]}`)
    }
  }
  expect(got).toEqual(want)
  await t.close()
})

test('denials use the error envelope with the matching code', async () => {
  const t = await createTestApp()
  const anon = await t.browser().get('/api/audit')
  expect(await anon.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
  const viewer = await (await t.as('viewer')).get('/api/audit/export')
  expect(await viewer.json()).toMatchObject({
    error: { code: 'FORBIDDEN', message: 'needs the admin role' },
  })
  await t.close()
})

test('role changes of a local account apply to its open session at once', async () => {
  const t = await createTestApp()
  const b = await t.as('operator')
  expect((await b.get('/api/audit/export')).status).toBe(403)
  await t.deps.users.setRole('operator', 'admin')
  expect((await b.get('/api/audit/export')).status).toBe(200)
  await t.close()
})

test('the policy table covers every route of the architecture table with its minimum role', () => {
  const cases: [string, string, string | undefined][] = [
    ['POST', '/api/auth/login', 'public'],
    ['GET', '/api/auth/oidc/login', 'public'],
    ['GET', '/api/auth/oidc/callback', 'public'],
    ['GET', '/api/targets', 'viewer'],
    ['GET', '/api/workloads/overview', 'viewer'],
    ['GET', '/api/workloads', 'viewer'],
    ['GET', '/api/workloads/dli-flink-job', 'viewer'],
    ['HEAD', '/api/workloads/dli-flink-job', 'viewer'],
    ['GET', '/api/workloads/dli-flink-job/prod/123', 'viewer'],
    ['POST', '/api/workloads/dli-flink-job/prod/123/stop', 'operator'],
    ['POST', '/api/workloads/dli-flink-job/prod/123/delete', 'admin'],
    ['POST', '/api/workloads/bulk/stop', 'operator'],
    ['POST', '/api/workloads/bulk/delete', 'admin'],
    ['GET', '/api/scripts/instances', 'viewer'],
    ['POST', '/api/scripts/instances', 'operator'],
    ['POST', '/api/scripts/prod/my_script/execute', 'operator'],
    ['GET', '/api/audit', 'viewer'],
    ['GET', '/api/audit/export', 'admin'],
    // Unlisted shapes are denied.
    ['POST', '/api/workloads/dli-flink-job/prod/123/restart', undefined],
    ['DELETE', '/api/workloads/dli-flink-job/prod/123', undefined],
    ['GET', '/api/workloads/dli-flink-job/prod/123/stop', undefined],
    ['POST', '/api/workloads//prod/123/stop', undefined],
    ['PUT', '/api/audit', undefined],
  ]
  expect(cases.map(([m, p]) => [m, p, findRule(m, p)?.access])).toEqual(cases)
})
