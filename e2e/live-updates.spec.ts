import { expect, firstActionable, focusOn, rowOf, signIn, stopFromRow, test } from './fixtures.js'

// An open list follows a stop made in another session through the live stream, without polling.
test('a viewer sees another session stop a workload live, without polling the list', async ({
  page,
  browser,
}) => {
  const operatorContext = await browser.newContext()
  try {
    const operator = await operatorContext.newPage()
    await signIn(operator, 'operator')
    await operator.goto('/workloads/dli-flink-job?state=running')
    const name = await firstActionable(operator, 'Stop')

    await signIn(page, 'viewer')
    await page.goto(`/workloads/dli-flink-job?q=${encodeURIComponent(name)}`)
    const row = rowOf(page, name)
    await expect(row.getByText('running', { exact: true })).toBeVisible()
    await expect(page.getByRole('banner').getByRole('status')).toHaveText(/Live/)
    let listFetches = 0
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/workloads/dli-flink-job')) listFetches++
    })

    await focusOn(operator, name)
    await stopFromRow(operator, name)

    await expect(row.getByText('stopping…')).toBeVisible()
    await expect(row.getByText('stopped', { exact: true })).toBeVisible({ timeout: 30_000 })
    // Polling would have re-listed every 1.5 s while the row was stopping (the sim takes 6 s).
    expect(listFetches).toBeLessThan(2)
  } finally {
    await operatorContext.close()
  }
})
