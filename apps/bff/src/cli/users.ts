import { userInfo } from 'node:os'
import { auditedUnlock, auditedUserAdmin } from '../auth/audited-users.js'
import { createLogger } from '../lib/logger.js'
import { cliPasswordFromEnv, loadConfig } from '../lib/env.js'
import { systemClock } from '../lib/clock.js'
import { createPlatform } from '../lib/platform.js'
import { startupFailureLines } from '../lib/startup-failure.js'
import { createLoginThrottle } from '../auth/login-throttle.js'
import { readSecretLine } from './read-secret.js'
import { runUsersCommand } from './users-command.js'

// `npm run users -- add alice operator`; the password comes from OPS_CONSOLE_PASSWORD or stdin.
async function open() {
  try {
    const config = loadConfig()
    return await createPlatform(config, createLogger({ level: 'warn' }), systemClock)
  } catch (err) {
    // The same one-line refusals as the server: a bad setting is not a stack trace.
    for (const line of startupFailureLines(err)) process.stderr.write(`${line}\n`)
    process.exit(1)
  }
}
const { platform, handle } = await open()
// Every change is audited as the operating-system user who ran the command.
const cliActor = () => ({
  actor: `cli:${userInfo().username}`,
  role: null,
  via: 'cli' as const,
  sourceIp: null,
  userAgent: null,
  requestId: null,
})
const users = auditedUserAdmin(platform.users, platform.ledger, cliActor)
let code = 1
try {
  code = await runUsersCommand(process.argv.slice(2), {
    users,
    sessions: platform.sessions,
    throttle: auditedUnlock(
      createLoginThrottle(platform.db, systemClock),
      platform.ledger,
      cliActor,
    ),
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
