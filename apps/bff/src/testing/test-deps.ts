import { Writable } from 'node:stream'
import type { AppDeps } from '../lib/app-env.js'
import { parseConfig, type BffConfig } from '../lib/config.js'
import { manualClock } from '../lib/clock.js'
import { createLogger } from '../lib/logger.js'
import { createLedger } from '../audit/ledger.js'
import { createSessionStore } from '../auth/sessions.js'
import { createUserStore } from '../auth/users.js'
import type { DialectName } from '../db/dialect.js'
import { createTestDb, type TestDb, type TestDbOptions } from './test-db.js'
import { testDialect } from '../lib/env.js'

export const TEST_ORIGIN = 'https://ops.example.test'

export interface TestContext {
  deps: AppDeps
  testDb: TestDb
  clock: ReturnType<typeof manualClock>
  /** Every log line written so far, as raw JSON text. */
  logLines: string[]
  close(): Promise<void>
}

/** Builds real platform deps over a fresh database; `env` is raw environment like production. */
export async function createTestContext(
  opts: {
    dialect?: DialectName
    env?: Record<string, string | undefined>
    config?: Partial<BffConfig>
    /** SQLite only: a database file (other connections can lock it), optionally size-capped. */
    db?: Omit<TestDbOptions, 'writeTimeoutMs'>
  } = {},
): Promise<TestContext> {
  const clock = manualClock()
  const logLines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logLines.push(chunk.toString('utf8'))
      cb()
    },
  })
  const log = createLogger({ level: 'debug', stream })
  const config = {
    ...parseConfig({ NODE_ENV: 'test', PUBLIC_ORIGIN: TEST_ORIGIN, ...opts.env }),
    ...opts.config,
  }
  const testDb = await createTestDb(opts.dialect ?? testDialect(), {
    ...opts.db,
    writeTimeoutMs: config.audit.writeTimeoutMs,
  })
  const deps: AppDeps = {
    config,
    db: testDb.db,
    dialect: testDb.dialect,
    // Checkpoints only where a test asks for a file (the default would be under data/).
    ledger: createLedger(testDb.db, clock, {
      ...config.audit,
      checkpointFile: opts.env?.AUDIT_CHECKPOINT_FILE ? config.audit.checkpointFile : null,
    }),
    sessions: createSessionStore(testDb.db, clock, config.session),
    users: createUserStore(testDb.db, clock),
    clock,
    log,
    services: {},
  }
  return {
    deps,
    testDb,
    clock,
    logLines,
    async close() {
      await deps.ledger.close()
      await testDb.close()
    },
  }
}
