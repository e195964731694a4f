import type { Role } from '@ops-console/contracts'
import { createApp } from '../app.js'
import { createTestContext, type TestContext } from './test-deps.js'
import { browser } from './test-http.js'

export const PASSWORD = 'correct horse battery staple'

/** The app over a fresh database, with one enabled local user per role (password `PASSWORD`). */
export async function createTestApp(
  opts: NonNullable<Parameters<typeof createTestContext>[0]> = {},
) {
  const ctx: TestContext = await createTestContext(opts)
  for (const role of ['viewer', 'operator', 'admin'] as const) {
    await ctx.deps.users.create({ username: role, role, password: PASSWORD })
  }
  const app = createApp(ctx.deps)
  return {
    ...ctx,
    app,
    browser: () => browser(app),
    /** A browser signed in as the user of that role. */
    async as(role: Role) {
      const b = browser(app)
      await b.login(role, PASSWORD)
      return b
    },
  }
}
