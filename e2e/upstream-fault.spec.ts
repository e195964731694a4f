import { expect, screenshot, signIn, test } from './fixtures.js'

test('a failing cloud service shows an error for that service only, and recovers', async ({
  page,
  sim,
}, testInfo) => {
  await signIn(page, 'operator')
  // ModelArts answers every call with an error; the other services are healthy.
  await sim.injectFault({ service: 'modelarts', kind: 'status', status: 400 })

  // The BFF shares a listing for ~2 s; refresh until a listing made after the fault shows.
  const modelarts = page.getByRole('region', { name: 'ModelArts processor versions' })
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh now' }).click()
    await expect(modelarts.getByRole('alert')).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await expect(modelarts.getByRole('alert')).toContainText('unavailable')
  await expect(modelarts.getByRole('alert')).toContainText('ModelArts.')
  await expect(page.getByRole('region', { name: 'DLI Flink jobs' }).getByRole('alert')).toHaveCount(
    0,
  )
  await expect(
    page
      .getByRole('region', { name: 'DLI Flink jobs' })
      .getByRole('link', { name: /running DLI Flink jobs/ }),
  ).toBeVisible()
  await screenshot(page, testInfo, 'overview-with-fault')

  await page.goto('/workloads/modelarts-processor-version')
  await expect(page.getByRole('alert').first()).toContainText('Some sources could not be loaded')

  await sim.clearFaults()
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh now' }).click()
    await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 1_000 })
  }).toPass({ timeout: 20_000 })
  await expect(page.getByRole('row').nth(1)).toBeVisible()
})
