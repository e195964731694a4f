import { expect, test } from 'vitest'
import { createTestApp } from '../testing/test-app.js'
import { POLICY } from '../auth/policy.js'

test('GET /api/openapi.json documents every policy route with contract schemas and required roles', async () => {
  const t = await createTestApp()
  const res = await (await t.as('viewer')).get('/api/openapi.json')
  expect(res.status).toBe(200)
  const doc = (await res.json()) as {
    openapi: string
    paths: Record<
      string,
      Record<
        string,
        {
          'x-required-role': string
          requestBody?: {
            content: Record<string, { schema: { properties?: Record<string, unknown> } }>
          }
        }
      >
    >
  }
  expect(doc.openapi).toBe('3.1.0')
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  )
  const policy = POLICY.filter((r) => r.pattern !== '/api/openapi.json').map(
    (r) => `${r.method} ${r.pattern}`,
  )
  expect(documented.sort()).toEqual(policy.sort())
  expect(doc.paths['/api/workloads/{kind}/{target}/{id}/delete']?.post?.['x-required-role']).toBe(
    'admin',
  )
  const stopBody =
    doc.paths['/api/workloads/{kind}/{target}/{id}/stop']?.post?.requestBody?.content[
      'application/json'
    ]?.schema
  expect(Object.keys(stopBody?.properties ?? {})).toEqual(['reason', 'triggerSavepoint'])
  await t.close()
})
