import { createDb } from '../db/create-db.js'
import { systemClock } from '../lib/clock.js'
import { loadConfig } from '../lib/env.js'
import { verifyLedger } from './audit-verify-command.js'

// `npm run audit:verify [-- checkpoint-file…]`: walks the whole hash chain, checks every row's
// MAC (AUDIT_HMAC_KEY) and compares it with the checkpoint files (AUDIT_CHECKPOINT_FILE plus any
// given); exit 0 when intact, 1 when not.
const config = loadConfig()
const handle = createDb(config)
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
