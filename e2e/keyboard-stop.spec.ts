import { E2E_PASSWORD, USERS } from './env.js'
import { expect, firstActionable, focusedRowName, test, toast } from './fixtures.js'

// No mouse at all: sign in, find, stop and come back to the row with the keyboard alone.
test('an operator stops a workload with the keyboard only, and focus comes back to its row', async ({
  page,
}) => {
  await page.goto('/login')
  await page.getByLabel('Username').fill(USERS.operator.username)
  await page.getByLabel('Password').fill(E2E_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()

  await page.goto('/workloads/codearts-build?state=running')
  await expect(page.getByRole('heading', { name: 'CodeArts builds', level: 1 })).toBeVisible()
  const name = await firstActionable(page, 'Stop')

  // "/" jumps to the search box; the list narrows to the one build.
  await page.keyboard.press('/')
  await expect(page.getByLabel('Search', { exact: true })).toBeFocused()
  await page.keyboard.type(name)
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(name)
  await expect(page.getByText(/^1 workload/)).toBeVisible()
  await page.keyboard.press('Tab') // out of the search box, so keys are shortcuts again
  await page.keyboard.press('j')
  await expect.poll(() => focusedRowName(page)).toBe(name)

  await page.keyboard.press('s')
  const dialog = page.getByRole('dialog', { name: `Stop ${name}?` })
  await expect(dialog.getByLabel(/reason/i)).toBeFocused()
  await page.keyboard.type('e2e keyboard-only stop')
  await page.keyboard.press('Enter') // a new line, not a submit
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Control+Enter')
  await expect(dialog).toBeHidden()
  await expect.poll(() => focusedRowName(page)).toBe(name)
  await expect(toast(page, `CodeArts build ${name} is`)).toBeVisible({ timeout: 30_000 })

  // The shortcuts sheet is one key away.
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()
})
