import { expect, firstActionable, rowOf, screenshot, signIn, test } from './fixtures.js'

test('a bulk stop reports per-item results when the cloud refuses one of them', async ({
  page,
  sim,
}, testInfo) => {
  await signIn(page, 'operator')
  await page.goto('/workloads/dli-flink-job?state=running')
  const dli = await firstActionable(page, 'Stop')
  await page.goto('/workloads/codearts-build?state=running')
  const build = await firstActionable(page, 'Stop')

  await page.goto('/workloads?state=active')
  await page.getByLabel('Search', { exact: true }).fill(dli)
  await rowOf(page, dli).getByRole('checkbox').check()
  await page.getByLabel('Search', { exact: true }).fill(build)
  await rowOf(page, build).getByRole('checkbox').check()
  await expect(page.getByRole('group', { name: 'Bulk actions' })).toContainText('2 selected')

  // CodeArts refuses stops from now on; DLI is untouched.
  await sim.injectFault({
    service: 'codearts',
    method: 'POST',
    path: 'stop',
    kind: 'status',
    status: 400,
  })

  await page.getByRole('button', { name: 'Stop selected' }).click()
  const dialog = page.getByRole('dialog', { name: 'Stop 2 selected workloads' })
  await expect(
    dialog.getByRole('list', { name: 'Selected workloads' }).getByRole('listitem'),
  ).toHaveCount(2)
  await dialog.getByLabel(/reason/i).fill('e2e bulk stop')
  await dialog.getByRole('button', { name: 'Stop 2' }).click()

  await expect(dialog.getByRole('status')).toHaveText('1 accepted · 1 failed · 0 skipped')
  const results = dialog.getByRole('list', { name: 'Results' })
  await expect(results.getByRole('listitem').filter({ hasText: dli })).toContainText('accepted')
  const failed = results.getByRole('listitem').filter({ hasText: build })
  await expect(failed).toContainText('failed')
  await expect(failed).toContainText('CB.')
  await screenshot(page, testInfo, 'bulk-results')
  await dialog.getByRole('button', { name: 'Done' }).click()
})
