import { loadConfig } from '../lib/env.js'
import { runCloudCheck } from './cloud-check-command.js'

// `npm run cloud:check [-- --json]`: one read-only call per target and service; see cloud-check-command.ts.
let code = 2
try {
  code = await runCloudCheck(process.argv.slice(2), loadConfig(), {
    out: (line) => process.stdout.write(`${line}\n`),
  })
} catch (err) {
  // A ConfigError names the bad keys, never their values.
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`)
}
process.exit(code)
