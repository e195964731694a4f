import { expect, screenshot, signIn, test } from './fixtures.js'

// Every main page renders without console errors or CSP violations (checked by the fixture),
// in light and dark mode, and is kept as a screenshot.
test('every main page renders cleanly, in light and dark mode', async ({ page }, testInfo) => {
  await page.goto('/login')
  await expect(page.getByRole('heading', { name: 'Sign in to Ops Console' })).toBeVisible()
  await screenshot(page, testInfo, 'login')
  await signIn(page, 'admin')

  const pages = [
    { path: '/', heading: 'Overview' },
    { path: '/workloads?state=active', heading: 'Running now' },
    { path: '/workloads/dataarts-job', heading: 'DataArts jobs' },
    { path: '/workloads/dataarts-script-instance', heading: 'Script instances' },
    { path: '/workloads/codearts-build', heading: 'CodeArts builds' },
    { path: '/workloads/dli-flink-job', heading: 'DLI Flink jobs' },
    { path: '/workloads/modelarts-processor-version', heading: 'ModelArts processor versions' },
    { path: '/scripts', heading: 'Scripts' },
    { path: '/audit', heading: 'Audit log' },
  ]
  for (const p of pages) {
    await page.goto(p.path)
    await expect(page.getByRole('heading', { name: p.heading, level: 1 })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0)
    await screenshot(page, testInfo, `page${p.path.replace(/[/?=]+/g, '-')}`)
  }
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
    'href',
    /\/api\/audit\/export\?format=csv/,
  )
  await expect(page.getByRole('link', { name: 'Export JSON' })).toHaveAttribute(
    'href',
    /\/api\/audit\/export\?format=json/,
  )

  // Theme toggle: system → light → dark, persisted across a reload.
  const toggle = page.getByRole('button', { name: /^Theme:/ })
  await toggle.click()
  await toggle.click()
  await expect(page.locator('html')).toHaveClass(/dark/)
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/dark/)
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0)
  await screenshot(page, testInfo, 'audit-dark')
  await page.goto('/workloads?state=active')
  await expect(page.getByRole('heading', { name: 'Running now' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0)
  await screenshot(page, testInfo, 'running-dark')
})
