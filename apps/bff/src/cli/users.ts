import { userInfo } from 'node:os'
import { auditedUserAdmin } from '../auth/audited-users.js'
import { createLogger } from '../lib/logger.js'
import { cliPasswordFromEnv, loadConfig } from '../lib/env.js'
import { systemClock } from '../lib/clock.js'
import { createPlatform } from '../lib/platform.js'
import { readSecretLine } from './read-secret.js'
import { runUsersCommand } from './users-command.js'

// `npm run users -- add alice operator`; the password comes from OPS_CONSOLE_PASSWORD or stdin.
const config = loadConfig()
const { platform, handle } = await createPlatform(
  config,
  createLogger({ level: 'warn' }),
  systemClock,
)
// Every change is audited as the operating-system user who ran the command.
const users = auditedUserAdmin(platform.users, platform.ledger, () => ({
  actor: `cli:${userInfo().username}`,
  role: null,
  via: 'cli',
  sourceIp: null,
  userAgent: null,
  requestId: null,
}))
let code = 1
try {
  code = await runUsersCommand(process.argv.slice(2), {
    users,
    sessions: platform.sessions,
    readPassword: (prompt) => Promise.resolve(cliPasswordFromEnv() ?? readSecretLine(prompt)),
    out: (line) => process.stdout.write(`${line}\n`),
  })
} catch (err) {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`)
} finally {
  await platform.ledger.close()
  await handle.close()
}
process.exit(code)
