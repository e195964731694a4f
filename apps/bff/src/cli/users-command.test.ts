import { expect, onTestFinished, test } from 'vitest'
import { createTestContext } from '../testing/test-deps.js'
import { createLoginThrottle } from '../auth/login-throttle.js'
import { runUsersCommand } from './users-command.js'

async function setup(passwords: string[] = []) {
  const ctx = await createTestContext()
  const out: string[] = []
  const prompts: string[] = []
  const run = (...argv: string[]) =>
    runUsersCommand(argv, {
      users: ctx.deps.users,
      sessions: ctx.deps.sessions,
      throttle: createLoginThrottle(ctx.deps.db, ctx.clock),
      readPassword: (p) => {
        prompts.push(p)
        return Promise.resolve(passwords.shift() ?? '')
      },
      out: (l) => out.push(l),
    })
  return { ctx, out, prompts, run }
}

test('a display name with control or invisible characters is refused and nothing is created', async () => {
  const { ctx, out, prompts, run } = await setup(['first password 123'])
  onTestFinished(() => ctx.close())
  expect(await run('add', 'eve', 'admin', 'Eve\u202e', 'nimda')).toBe(2)
  expect(await run('add', 'eve', 'admin', 'Eve\r\nFAKE')).toBe(2)
  expect(out.join('\n')).toMatch(/U\+202E[\s\S]*U\+000D/)
  // Refused before the password prompt; the store refuses it too (the API cannot bypass the CLI).
  expect(prompts).toEqual([])
  await expect(
    ctx.deps.users.create({
      username: 'eve',
      displayName: 'Eve\u0000',
      role: 'admin',
      password: 'x'.repeat(12),
    }),
  ).rejects.toThrow(/U\+0000/)
  expect(await ctx.deps.users.find('eve')).toBeNull()
})

test('add, list, set-role, disable and enable users; passwords never come from argv', async () => {
  const { ctx, out, prompts, run } = await setup(['first password 123'])
  expect(await run('add', 'alice', 'operator', 'Alice', 'Ops')).toBe(0)
  expect(prompts).toEqual(['password for alice: '])
  expect(await ctx.deps.users.authenticate('alice', 'first password 123')).toMatchObject({
    displayName: 'Alice Ops',
    role: 'operator',
  })
  expect(await run('set-role', 'alice', 'admin')).toBe(0)
  expect(await run('disable', 'alice')).toBe(0)
  out.length = 0
  expect(await run('list')).toBe(0)
  expect(out).toEqual(['alice\tadmin\tdisabled'])
  expect(await ctx.deps.users.authenticate('alice', 'first password 123')).toBeNull()
  expect(await run('enable', 'alice')).toBe(0)
  expect(await ctx.deps.users.authenticate('alice', 'first password 123')).not.toBeNull()
  await ctx.close()
})

test('set-password replaces the password and ends the sessions; short passwords and bad roles are refused', async () => {
  const { ctx, run } = await setup(['new password 4567', 'short'])
  await ctx.deps.users.create({ username: 'bob', role: 'viewer', password: 'old password 1234' })
  const { id } = await ctx.deps.sessions.create({
    username: 'bob',
    displayName: 'bob',
    role: 'viewer',
    authMethod: 'local',
  })
  expect(await run('set-password', 'bob')).toBe(0)
  expect(await ctx.deps.sessions.lookup(id)).toBeNull()
  expect(await ctx.deps.users.authenticate('bob', 'new password 4567')).not.toBeNull()
  await expect(run('set-password', 'bob')).rejects.toThrow(/at least 12/)
  expect(await run('add', 'carol', 'root')).toBe(2)
  expect(await run('frobnicate', 'x')).toBe(2)
  await ctx.close()
})
