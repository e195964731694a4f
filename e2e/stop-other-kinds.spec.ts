import type { Page } from '@playwright/test'
import { expect, firstActionable, focusOn, signIn, stopFromRow, test } from './fixtures.js'

const ENDED = /^(stopped|succeeded|failed)$/

async function stopFirstRunning(page: Page, kind: string): Promise<void> {
  await page.goto(`/workloads/${kind}?state=running`)
  const name = await firstActionable(page, 'Stop')
  const row = await focusOn(page, name)
  await stopFromRow(page, name)
  await expect(row.getByText(ENDED)).toBeVisible({ timeout: 30_000 })
  await expect(row).toContainText('Stopped by e2e-operator')
}

test('an operator stops a DataArts job', async ({ page }) => {
  await signIn(page, 'operator')
  await stopFirstRunning(page, 'dataarts-job')
})

test('an operator stops a CodeArts build', async ({ page }) => {
  await signIn(page, 'operator')
  await stopFirstRunning(page, 'codearts-build')
})

test('an operator executes a script, then stops the running instance', async ({ page, sim }) => {
  const info = await sim.info()
  const target = info.targets[0] ?? ''
  const script = info.scripts[target]?.[0] ?? ''
  expect(script).not.toBe('')

  await signIn(page, 'operator')
  await page.getByRole('link', { name: 'Scripts', exact: true }).click()
  const form = page.getByRole('form', { name: 'Execute a script' })
  await form.getByLabel('Target').selectOption(target)
  // The picker lists the target's scripts (from the BFF's catalog).
  await form.getByLabel('Script name').selectOption(script)
  await form.getByLabel(/reason/i).fill('e2e: run a script to stop it')
  await form.getByRole('button', { name: 'Execute' }).click()
  const started = form.getByRole('status')
  await expect(started).toContainText(`of ${script}`)
  const instanceId = /instance (\S+) of/.exec((await started.textContent()) ?? '')?.[1] ?? ''
  expect(instanceId).not.toBe('')

  // The tracked instance links to its list, where it can be stopped once it runs.
  await page.getByRole('link', { name: 'Script instances', exact: true }).click()
  const row = page.getByRole('row').filter({ hasText: instanceId })
  await expect(row.getByText('running', { exact: true })).toBeVisible({ timeout: 20_000 })
  const name = (await row.getByRole('button').first().textContent())?.trim() ?? ''
  await stopFromRow(page, name)
  await expect(row.getByText(ENDED)).toBeVisible({ timeout: 30_000 })
})
