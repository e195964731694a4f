import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, signIn, test } from './fixtures.js'

const PAGES = [
  '/',
  '/workloads?state=active',
  '/workloads',
  '/workloads/dataarts-job',
  '/workloads/dataarts-script-instance',
  '/workloads/codearts-build',
  '/workloads/dli-flink-job',
  '/workloads/modelarts-processor-version',
  '/scripts',
  '/audit',
]

/** axe-core's serious and critical findings on the page as it is now (rule id and targets). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every page has no serious or critical accessibility violations in ${scheme} mode`, async ({
    page,
  }) => {
    // The theme follows the system preference unless chosen; emulate the system.
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto('/login')
    await expect(page.getByRole('heading', { name: 'Sign in to Ops Console' })).toBeVisible()
    expect(await seriousViolations(page), 'on /login').toEqual([])
    await signIn(page, 'admin')
    for (const path of PAGES) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0)
      expect(await seriousViolations(page), `on ${path}`).toEqual([])
    }
    // A dialog over the list: the stop dialog of the first running workload.
    await page.goto('/workloads?state=active')
    await page
      .getByRole('button', { name: /^Stop /, disabled: false })
      .first()
      .click()
    await expect(page.getByRole('dialog')).toBeVisible()
    expect(await seriousViolations(page), 'with the stop dialog open').toEqual([])
  })
}
