import { expect, firstActionable, rowOf, screenshot, signIn, test } from './fixtures.js'

test('a bulk stop reports per-item results when the cloud refuses one, then one summary toast', async ({
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

  // Calm feedback: once the accepted stop has finished, one toast sums up the whole batch.
  const toasts = page.getByRole('region', { name: /Notifications/ }).getByRole('listitem')
  const summary = toasts.filter({ hasText: 'Bulk stop of 2 workloads finished' })
  await expect(summary).toBeVisible({ timeout: 30_000 })
  await expect(summary).toContainText('1 stopped · 1 failed')
  await expect(toasts).toHaveCount(1)
  await summary.getByRole('button', { name: 'Show results' }).click()
  const results2 = page.getByRole('dialog', { name: 'Bulk stop of 2 workloads finished' })
  const perItem = results2.getByRole('list', { name: 'Results per workload' }).getByRole('listitem')
  await expect(perItem).toHaveCount(2)
  await expect(perItem.filter({ hasText: dli })).toContainText('done')
  await expect(perItem.filter({ hasText: build })).toContainText('refused')
  await results2.getByRole('button', { name: 'Done' }).click()
})
