import { BASE_URL } from './env.js'
import { expect, signIn, test } from './fixtures.js'

test('a viewer sees no enabled stop or delete, and a forced API call is refused', async ({
  page,
}) => {
  await signIn(page, 'viewer')
  await page.getByRole('link', { name: 'Running now', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Running now' })).toBeVisible()

  const stops = page.getByRole('button', { name: /^Stop / })
  await expect(stops.first()).toBeVisible()
  await expect(page.getByRole('button', { name: /^(Stop|Delete) /, disabled: false })).toHaveCount(
    0,
  )
  await expect(page.getByRole('checkbox', { name: /^Select / })).toHaveCount(0)

  // The reason shows on keyboard focus, not only on hover.
  await stops.first().focus()
  await expect(page.getByRole('tooltip')).toContainText('Stop requires the operator role')

  // Open a running workload's detail to learn its (kind, target, id) from the URL.
  await page.getByRole('row').nth(1).getByRole('button').first().click()
  await expect(page.getByRole('dialog')).toBeVisible()
  const open = new URL(page.url()).searchParams.get('open') ?? ''
  const [kind, target, id] = open.split('/')
  expect(kind && target && id).toBeTruthy()
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Stop' })).toHaveAttribute(
    'aria-disabled',
    'true',
  )
  await page.keyboard.press('Escape')

  const forced = await page.request.post(`${BASE_URL}/api/workloads/${kind}/${target}/${id}/stop`, {
    headers: { 'X-Ops-Console': '1', Origin: BASE_URL },
    data: { reason: 'forced by the e2e viewer test' },
  })
  expect(forced.status()).toBe(403)
  expect(((await forced.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN')

  await page.getByRole('link', { name: 'Scripts', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Execute' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Register' })).toBeDisabled()
})
