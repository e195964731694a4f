import {
  expect,
  firstActionable,
  focusOn,
  screenshot,
  signIn,
  stopFromRow,
  test,
  toast,
} from './fixtures.js'

test('an operator stops a running DLI Flink job with a savepoint and the audit log records it', async ({
  page,
}, testInfo) => {
  await signIn(page, 'operator')
  await screenshot(page, testInfo, 'overview')

  // The overview count links into the filtered list.
  const dliCard = page.getByRole('region', { name: 'DLI Flink jobs' })
  await dliCard.getByRole('link', { name: /running DLI Flink jobs/ }).click()
  await expect(page).toHaveURL(/\/workloads\/dli-flink-job\?state=running/)
  await expect(page.getByRole('heading', { name: 'DLI Flink jobs' })).toBeVisible()
  await screenshot(page, testInfo, 'dli-list')

  const name = await firstActionable(page, 'Stop')
  const row = await focusOn(page, name)
  const reason = await stopFromRow(page, name, { savepoint: true })

  await expect(row.getByText('stopping…')).toBeVisible()
  await expect(row.getByText('stopped', { exact: true })).toBeVisible({ timeout: 30_000 })
  await expect(toast(page, `DLI Flink job ${name} is stopped`)).toBeVisible()
  await expect(row).toContainText('Stopped by e2e-operator')

  await page.getByRole('link', { name: 'Audit log', exact: true }).click()
  await page.getByLabel('Text').fill(reason)
  const entry = page.getByRole('row').filter({ hasText: reason })
  // The watcher writes the final state shortly after the stop is observed.
  await expect(async () => {
    await page.reload()
    await expect(entry).toContainText('stopped', { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await expect(entry).toContainText('e2e-operator')
  await expect(entry).toContainText('workload.stop')
  await expect(entry).toContainText(name)
  // A successful stop shows the HTTP status and the cloud request id of its call.
  await expect(entry.getByRole('cell').nth(6)).toHaveText(/^200\S+/)
  await screenshot(page, testInfo, 'audit')

  await entry.getByRole('button', { name: /Details of workload.stop/ }).click()
  const detail = page.getByRole('dialog')
  await expect(detail).toContainText('"triggerSavepoint":true')
  await expect(detail).toContainText('Time to stop')
  await expect(detail).toContainText('watcher')
  await screenshot(page, testInfo, 'audit-detail')
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()
})
