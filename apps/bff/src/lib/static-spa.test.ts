import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { createTestApp } from '../testing/test-app.js'

function webDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ops-web-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ops-console</title>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  return dir
}

test('serves the built SPA: assets, index.html for client routes, and never HTML for /api', async () => {
  const t = await createTestApp({ config: { webDistDir: webDist() } })
  const asset = await t.app.request('/assets/app.js')
  expect(asset.status).toBe(200)
  expect(await asset.text()).toBe('console.log(1)')
  const route = await t.app.request('/workloads/dli-flink-job')
  expect(route.status).toBe(200)
  expect(route.headers.get('content-type')).toMatch(/^text\/html/)
  expect(await route.text()).toContain('<title>ops-console</title>')
  expect(route.headers.get('content-security-policy')).toContain("script-src 'self'")
  const api = await (await t.as('admin')).get('/api/nothing-here')
  expect(api.status).toBe(404)
  expect(await api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } })
  await t.close()
})

test('without a built SPA non-API paths are a JSON 404', async () => {
  const t = await createTestApp({ config: { webDistDir: join(tmpdir(), 'does-not-exist-ops') } })
  const res = await t.app.request('/workloads')
  expect(res.status).toBe(404)
  await t.close()
})
