import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, onTestFinished, test } from 'vitest'
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

test('source maps, API-looking paths and missing files are a JSON 404, never the SPA shell', async () => {
  const dir = webDist()
  writeFileSync(join(dir, 'assets', 'app.js.map'), '{"version":3,"sources":["secret.ts"]}')
  const t = await createTestApp({ config: { webDistDir: dir } })
  onTestFinished(() => t.close())
  for (const path of [
    '/assets/app.js.map',
    '/assets/APP.JS.MAP',
    '/missing.js.map',
    '/api;x=1/targets',
    '/api;x=1',
    '/api.json',
    '/apis',
    '/favicon.ico',
    '/.env',
    '/.git/config',
  ]) {
    const res = await t.app.request(path)
    expect(res.status, path).toBe(404)
    expect(res.headers.get('content-type'), path).toBe('application/json; charset=utf-8')
    expect(res.headers.get('cache-control'), path).toBe('no-store')
    expect(await res.text(), path).not.toContain('<title>')
  }
})

test('the SPA shell is revalidated on every load; hashed assets are cached for good', async () => {
  const t = await createTestApp({ config: { webDistDir: webDist() } })
  onTestFinished(() => t.close())
  expect((await t.app.request('/audit')).headers.get('cache-control')).toBe('no-cache')
  expect((await t.app.request('/assets/app.js')).headers.get('cache-control')).toBe(
    'public, max-age=31536000, immutable',
  )
})
