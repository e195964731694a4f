import { expect, test } from 'vitest'
import { createTestContext } from '../testing/test-deps.js'
import { bootstrapAdmin } from './platform.js'

test('first start prints the one-time admin password once, on stdout and not in the log', async () => {
  const ctx = await createTestContext()
  const printed: string[] = []
  await bootstrapAdmin(ctx.deps, (s) => printed.push(s))
  await bootstrapAdmin(ctx.deps, (s) => printed.push(s))
  expect(printed).toHaveLength(1)
  const password = /One-time password: (\S+)/.exec(printed[0] ?? '')?.[1]
  expect(password).toMatch(/^[\w-]{24}$/)
  expect(ctx.logLines.join('')).not.toContain(password)
  expect(await ctx.deps.users.find('admin')).toMatchObject({
    role: 'admin',
    mustChangePassword: true,
  })
  expect(await ctx.deps.users.authenticate('admin', password!)).not.toBeNull()
  await ctx.close()
})
