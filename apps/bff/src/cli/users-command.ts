import { Role } from '@ops-console/contracts'
import { displayNameProblem, type UserStore } from '../auth/users.js'
import type { SessionStore } from '../auth/sessions.js'
import type { LoginThrottle } from '../auth/login-throttle.js'

export const USAGE = `usage: users <command>
  list
  add <username> <viewer|operator|admin> [display name...]   password from stdin or OPS_CONSOLE_PASSWORD
  set-password <username>                                   password from stdin or OPS_CONSOLE_PASSWORD
  set-role <username> <viewer|operator|admin>
  disable <username>
  enable <username>
  unlock <username>                                          forget its failed sign-ins (every source)`

export interface UsersCommandDeps {
  users: UserStore
  sessions: Pick<SessionStore, 'destroyForUser'>
  throttle: Pick<LoginThrottle, 'unlock'>
  /** Reads a password without it ever being in argv (stdin, hidden prompt or env var). */
  readPassword: (prompt: string) => Promise<string>
  out: (line: string) => void
}

const MIN_PASSWORD = 12

/** The user-management CLI without process I/O; returns the exit code. */
export async function runUsersCommand(argv: string[], deps: UsersCommandDeps): Promise<number> {
  const [cmd, username, ...rest] = argv
  const fail = (msg: string) => {
    deps.out(msg)
    return 2
  }
  const password = async () => {
    const pw = await deps.readPassword(`password for ${username}: `)
    if (pw.length < MIN_PASSWORD)
      throw new Error(`passwords need at least ${MIN_PASSWORD} characters`)
    return pw
  }
  if (cmd === 'list') {
    for (const u of await deps.users.list())
      deps.out(
        `${u.username}\t${u.role}\t${u.disabled ? 'disabled' : 'enabled'}${u.mustChangePassword ? '\tmust-change-password' : ''}`,
      )
    return 0
  }
  if (!username) return fail(USAGE)
  switch (cmd) {
    case 'add': {
      const role = Role.safeParse(rest[0])
      if (!role.success) return fail('role must be viewer, operator or admin')
      const displayName = rest.slice(1).join(' ') || username
      const problem = displayNameProblem(displayName)
      if (problem) return fail(problem)
      await deps.users.create({
        username,
        displayName,
        role: role.data,
        password: await password(),
      })
      deps.out(`added ${username} (${role.data})`)
      return 0
    }
    case 'set-password':
      await deps.users.setPassword(username, await password())
      await deps.sessions.destroyForUser(username)
      deps.out(`password of ${username} changed; their sessions were ended`)
      return 0
    case 'set-role': {
      const role = Role.safeParse(rest[0])
      if (!role.success) return fail('role must be viewer, operator or admin')
      await deps.users.setRole(username, role.data)
      deps.out(`${username} is now ${role.data}`)
      return 0
    }
    case 'disable':
      await deps.users.setDisabled(username, true)
      await deps.sessions.destroyForUser(username)
      deps.out(`${username} disabled; their sessions were ended`)
      return 0
    case 'enable':
      await deps.users.setDisabled(username, false)
      deps.out(`${username} enabled`)
      return 0
    case 'unlock': {
      const forgotten = await deps.throttle.unlock(username)
      deps.out(`${username} unlocked: ${forgotten} failed sign-in(s) forgotten`)
      return 0
    }
    default:
      return fail(USAGE)
  }
}
