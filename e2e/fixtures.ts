import { test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test'
import { E2E_PASSWORD, USERS, type E2eRole } from './env.js'
import { simControl, type SimControl } from './sim-control.js'

interface Fixtures {
  /** Console errors that a test expects (e.g. the browser logging a refused request). */
  allowConsole: RegExp[]
  consoleGuard: void
  sim: SimControl
}

/**
 * Every test fails on console errors, page errors and CSP violations (Chromium reports those as
 * console errors; the listener below also catches reports that don't reach the console).
 */
export const test = base.extend<Fixtures>({
  allowConsole: [[], { option: true }],
  consoleGuard: [
    async ({ page, allowConsole }, use) => {
      const problems: string[] = []
      page.on('console', (m) => {
        if (m.type() !== 'error') return
        if (allowConsole.some((re) => re.test(m.text()))) return
        problems.push(m.text())
      })
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
      // Injected by the browser, not the page, so the page's CSP doesn't apply to it.
      await page.addInitScript(
        "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))",
      )
      await use()
      expect(problems, 'console errors, page errors or CSP violations').toEqual([])
    },
    { auto: true },
  ],
  sim: async ({ request }, use) => {
    const sim = simControl(request)
    await use(sim)
    await sim.clearFaults()
  },
})
export { expect }

export async function signIn(page: Page, role: E2eRole): Promise<void> {
  const user = USERS[role]
  await page.goto('/login')
  await page.getByLabel('Username').fill(user.username)
  await page.getByLabel('Password').fill(E2E_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText(user.displayName)
}

/** A full-page screenshot kept under test-results/ and attached to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** A toast's title (Radix also mirrors it into a screen-reader announcer, hence the scoping). */
export function toast(page: Page, text: string): Locator {
  return page.getByRole('region', { name: /Notifications/ }).getByText(text)
}

/** The table row whose name button is exactly `name`. */
export function rowOf(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) })
}

/** Name of the first listed workload whose `action` button is enabled. */
export async function firstActionable(page: Page, action: 'Stop' | 'Delete'): Promise<string> {
  const button = page
    .getByRole('button', { name: new RegExp(`^${action} `), disabled: false })
    .first()
  await expect(button).toBeVisible()
  const label = (await button.getAttribute('aria-label')) ?? ''
  return label.slice(action.length + 1)
}

/** Narrows the current list to one workload (search + any state), so it stays visible after it stops. */
export async function focusOn(page: Page, name: string): Promise<Locator> {
  await page.getByLabel('State', { exact: true }).selectOption('')
  await page.getByLabel('Search', { exact: true }).fill(name)
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(name)
  const row = rowOf(page, name)
  await expect(row).toBeVisible()
  return row
}

/** Stops `name` from its row with a reason (and a savepoint when asked); returns the reason. */
export async function stopFromRow(
  page: Page,
  name: string,
  opts: { savepoint?: boolean } = {},
): Promise<string> {
  await rowOf(page, name)
    .getByRole('button', { name: `Stop ${name}` })
    .click()
  const dialog = page.getByRole('dialog', { name: `Stop ${name}?` })
  await expect(dialog).toBeVisible()
  const reason = `e2e stop ${name} ${Date.now()}`
  await dialog.getByLabel(/reason/i).fill(reason)
  if (opts.savepoint) await dialog.getByRole('checkbox', { name: /trigger savepoint/i }).check()
  await dialog.getByRole('button', { name: 'Stop', exact: true }).click()
  await expect(dialog).toBeHidden()
  return reason
}

/** How far the page scrolls sideways (0 when nothing sticks out of the viewport). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return Number(
    await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    ),
  )
}

/** The workload row or card whose name or element key the keyboard focus is in, if any. */
export async function focusedRowName(page: Page): Promise<string | null> {
  const name: unknown = await page.evaluate(
    "document.activeElement?.closest('[data-key]')?.querySelector('button')?.textContent ?? null",
  )
  return typeof name === 'string' ? name : null
}
