import {
  expect,
  firstActionable,
  focusOn,
  rowOf,
  screenshot,
  signIn,
  test,
  toast,
} from './fixtures.js'

test('an admin deletes a ModelArts processor version only after typing its exact name', async ({
  page,
}, testInfo) => {
  await signIn(page, 'admin')
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'ModelArts processor versions' })
    .click()
  await expect(page.getByRole('heading', { name: 'ModelArts processor versions' })).toBeVisible()
  await screenshot(page, testInfo, 'modelarts-list')

  const name = await firstActionable(page, 'Delete')
  const row = await focusOn(page, name)
  await row.getByRole('button', { name: `Delete ${name}` }).click()
  const dialog = page.getByRole('dialog', { name: `Delete ${name}?` })
  const confirm = dialog.getByRole('button', { name: 'Delete', exact: true })
  const reason = `e2e delete ${name} ${Date.now()}`
  await dialog.getByLabel(/reason/i).fill(reason)

  const nameBox = dialog.getByLabel('Type the workload name to confirm')
  await nameBox.fill(name.toUpperCase() === name ? name.toLowerCase() : name.toUpperCase())
  await expect(confirm).toBeDisabled()
  await nameBox.fill(`${name} `)
  await expect(confirm).toBeDisabled()
  await nameBox.fill(name)
  await expect(confirm).toBeEnabled()
  await confirm.click()

  await expect(rowOf(page, name)).toHaveCount(0, { timeout: 30_000 })
  await expect(toast(page, `ModelArts processor version ${name} is deleted`)).toBeVisible()

  await page.getByRole('link', { name: 'Audit log', exact: true }).click()
  await page.getByLabel('Action', { exact: true }).selectOption('workload.delete')
  await page.getByLabel('Text').fill(reason)
  const entry = page.getByRole('row').filter({ hasText: reason })
  await expect(entry).toContainText('e2e-admin')
  await expect(entry).toContainText(name)
})
