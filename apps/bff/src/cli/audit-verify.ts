import { createDb } from '../db/create-db.js'
import { systemClock } from '../lib/clock.js'
import { loadConfig } from '../lib/env.js'
import { startupFailureLines } from '../lib/startup-failure.js'
import { verifyLedger } from './audit-verify-command.js'

// `npm run audit:verify [-- checkpoint-file…]`: walks the whole hash chain, checks every row's
// MAC (AUDIT_HMAC_KEY) and compares it with the checkpoint files (AUDIT_CHECKPOINT_FILE plus any
// given); exit 0 when intact, 1 when not, 2 when it cannot start (bad setting, no database).
function open() {
  try {
    const config = loadConfig()
    return { config, handle: createDb(config) }
  } catch (err) {
    // The same one-line refusals as the server: a bad setting is not a stack trace.
    for (const line of startupFailureLines(err)) process.stderr.write(`${line}\n`)
    process.exit(2)
  }
}
const { config, handle } = open()
let code = 1
try {
  code = await verifyLedger(handle, systemClock, {
    hmacKey: config.audit.hmacKey,
    checkpointFiles: [
      ...(config.audit.checkpointFile ? [config.audit.checkpointFile] : []),
      ...process.argv.slice(2),
    ],
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  })
} catch (err) {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`)
} finally {
  await handle.close()
}
process.exit(code)
