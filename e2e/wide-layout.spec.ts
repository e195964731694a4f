import { expect, sidewaysOverflow, signIn, test } from './fixtures.js'

test.use({ viewport: { width: 1280, height: 800 } })

// At 1280 px every list fits beside the sidebar: no column ("Last action" included) hides
// behind the sticky actions column, and the page itself never scrolls sideways.
test('at 1280 px every workload table fits its box, the last action column included', async ({
  page,
}) => {
  await signIn(page, 'admin')
  for (const path of [
    '/workloads?state=active',
    '/workloads/dataarts-job',
    '/workloads/dataarts-script-instance',
    '/workloads/codearts-build',
    '/workloads/dli-flink-job',
    '/workloads/modelarts-processor-version',
  ]) {
    await page.goto(path)
    const table = page.getByRole('table')
    const empty = page.getByText(/^No (workloads|script instances)/)
    await expect(table.or(empty)).toBeVisible()
    if (await empty.isVisible()) continue
    // The table's scroll box (e2e code has no DOM types, hence the expression string).
    const overflow = Number(
      await page.evaluate(
        "(() => { const box = document.querySelector('table').parentElement; return box.scrollWidth - box.clientWidth })()",
      ),
    )
    expect(overflow, `table wider than its box on ${path}`).toBeLessThanOrEqual(0)
    expect(await sidewaysOverflow(page), `sideways scroll on ${path}`).toBe(0)
  }
})
