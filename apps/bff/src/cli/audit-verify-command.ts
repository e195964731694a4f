import { existsSync } from 'node:fs'
import { createLedger } from '../audit/ledger.js'
import { readCheckpoints, type Checkpoint } from '../audit/checkpoints.js'
import type { DbHandle } from '../db/create-db.js'
import type { Clock } from '../lib/clock.js'

export interface VerifyCommandOptions {
  hmacKey: string | null
  /** Checkpoint files; a configured default that does not exist yet is skipped with a note. */
  checkpointFiles: string[]
  out: (text: string) => void
  err: (text: string) => void
}

/** `audit:verify` without process I/O; returns the exit code. */
export async function verifyLedger(
  handle: DbHandle,
  clock: Clock,
  opts: VerifyCommandOptions,
): Promise<number> {
  const tables = await handle.db.introspection.getTables()
  if (!tables.some((t) => t.name === 'audit_log'))
    throw new Error('this database has no audit log yet (start the BFF once to create it)')
  const checkpoints: Checkpoint[] = []
  const notes: string[] = []
  for (const file of new Set(opts.checkpointFiles)) {
    if (!existsSync(file)) {
      notes.push(`no checkpoint file at ${file}`)
      continue
    }
    const read = await readCheckpoints(file)
    if (read.problems.length > 0) {
      opts.err(`checkpoint file NOT intact: ${read.problems.join('; ')}\n`)
      return 1
    }
    checkpoints.push(...read.checkpoints)
    notes.push(...read.warnings)
  }
  const ledger = createLedger(handle.db, clock, { hmacKey: opts.hmacKey })
  const result = await ledger.verify({ checkpoints })
  opts.out(`${JSON.stringify({ ...result, notes }, null, 2)}\n`)
  if (!result.ok) {
    opts.err(`audit log NOT intact at seq ${result.firstBadSeq}: ${result.problem}\n`)
    return 1
  }
  const evidence = [
    opts.hmacKey ? `${result.authenticatedRows} rows authenticated by MAC` : 'no MAC key given',
    `${checkpoints.length} checkpoints matched`,
  ]
  opts.out(`audit log intact: ${result.rows} rows; ${evidence.join(', ')}\n`)
  return 0
}
