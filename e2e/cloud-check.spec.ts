import { BASE_URL } from './env.js'
import { expect, screenshot, signIn, test } from './fixtures.js'

test('an admin checks the cloud connection of every target from the navigation', async ({
  page,
}, testInfo) => {
  await signIn(page, 'admin')
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Cloud connection' })
    .click()
  await expect(
    page.getByRole('heading', { name: 'Cloud connection check', level: 1 }),
  ).toBeVisible()
  const targets = page.getByRole('region', { name: /^[a-z0-9-]+$/ })
  await expect(targets.first()).toBeVisible()
  // The e2e stack runs the simulator: every service of every target answers.
  for (const region of await targets.all()) {
    await expect(region.getByRole('row')).toHaveCount(6)
    await expect(region.locator('[data-outcome="ok"]')).toHaveCount(5)
  }
  await screenshot(page, testInfo, 'cloud-check')
  await page.getByRole('button', { name: 'Check again' }).click()
  await expect(page.getByRole('button', { name: 'Check again' })).toBeEnabled()
})

test('operators see no cloud connection page and the API refuses them', async ({ page }) => {
  await signIn(page, 'operator')
  await expect(page.getByRole('link', { name: 'Cloud connection' })).toHaveCount(0)
  await page.goto('/cloud-check')
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()
  const res = await page.request.get(`${BASE_URL}/api/cloud-check`)
  expect(res.status()).toBe(403)
})
