import { expect, firstActionable, sidewaysOverflow, signIn, test } from './fixtures.js'

test.use({ viewport: { width: 360, height: 780 } })

// A phone: the navigation folds into a Menu, lists are cards, and nothing scrolls sideways.
test('on a 360 px phone every page fits, and an operator stops a workload from its card', async ({
  page,
}) => {
  await signIn(page, 'operator')
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav).toBeHidden()
  const menu = page.getByRole('button', { name: 'Menu' })
  await menu.click()
  await expect(nav).toBeVisible()
  await nav.getByRole('link', { name: 'Running now' }).click()
  await expect(page.getByRole('heading', { name: 'Running now', level: 1 })).toBeVisible()
  await expect(nav).toBeHidden()
  await expect(page).toHaveTitle('Running now · Ops Console')

  for (const path of [
    '/',
    '/workloads?state=active',
    '/workloads/dataarts-job',
    '/workloads/codearts-build',
    '/workloads/dli-flink-job',
    '/workloads/modelarts-processor-version',
    '/workloads/dataarts-script-instance',
    '/scripts',
    '/audit',
  ]) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0)
    expect(await sidewaysOverflow(page), `sideways scroll on ${path}`).toBe(0)
  }

  await page.goto('/workloads/dli-flink-job?state=running')
  await expect(page.getByRole('table')).toHaveCount(0)
  const name = await firstActionable(page, 'Stop')
  // Any state, this one name: the card stays listed once it is no longer running.
  await page.getByLabel('State', { exact: true }).selectOption('')
  await page.getByLabel('Search', { exact: true }).fill(name)
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(name)
  const cards = page.getByRole('list', { name: 'Workloads' })
  const card = cards.getByRole('listitem', { name, exact: true })
  await expect(card).toBeVisible()
  await expect(card.getByText('running', { exact: true })).toBeVisible()
  await card.getByRole('button', { name: `Stop ${name}` }).click()
  const dialog = page.getByRole('dialog', { name: `Stop ${name}?` })
  await expect(dialog.getByLabel(/reason/i)).toBeFocused()
  expect(await sidewaysOverflow(page)).toBe(0)
  await dialog.getByLabel(/reason/i).fill(`e2e phone stop ${Date.now()}`)
  await dialog.getByRole('button', { name: 'Stop', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(card.getByText('stopping…')).toBeVisible()
  await expect(card.getByRole('button', { name: `Stop ${name}` })).toBeFocused()
})
