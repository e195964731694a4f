import { createLedger } from '../audit/ledger.js'
import { createDb } from '../db/create-db.js'
import { systemClock } from '../lib/clock.js'
import { loadConfig } from '../lib/env.js'

// `npm run audit:verify`: walks the whole hash chain; exit 0 when intact, 1 when not.
const config = loadConfig()
const handle = createDb(config)
let code = 1
try {
  const tables = await handle.db.introspection.getTables()
  if (!tables.some((t) => t.name === 'audit_log'))
    throw new Error('this database has no audit log yet (start the BFF once to create it)')
  const result = await createLedger(handle.db, systemClock).verify()
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
  if (result.ok)
    process.stdout.write(
      `audit log intact: ${result.rows} rows; record the head hash to detect truncation later\n`,
    )
  else
    process.stderr.write(`audit log NOT intact at seq ${result.firstBadSeq}: ${result.problem}\n`)
  code = result.ok ? 0 : 1
} catch (err) {
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`)
} finally {
  await handle.close()
}
process.exit(code)
