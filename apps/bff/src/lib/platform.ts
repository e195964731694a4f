import { createLedger } from '../audit/ledger.js'
import { localEvent, recordQuietly } from '../auth/account-events.js'
import { createSessionStore } from '../auth/sessions.js'
import { createUserStore } from '../auth/users.js'
import { createDb, migrateToLatest, type DbHandle } from '../db/create-db.js'
import type { PlatformDeps } from './app-env.js'
import type { Clock } from './clock.js'
import type { BffConfig } from './config.js'
import type { Logger } from './logger.js'
import { createLifecycle } from './lifecycle.js'
import { createReplicaPresence } from './replica-presence.js'

/** Opens and migrates the database and builds the platform services (no listening). */
export async function createPlatform(
  config: BffConfig,
  log: Logger,
  clock: Clock,
): Promise<{ platform: PlatformDeps; handle: DbHandle }> {
  const handle = createDb(config)
  await migrateToLatest(handle.db)
  // Built here, started by src/index.ts only: the CLIs share this function but are no replicas.
  const replica = createReplicaPresence({
    db: handle.db,
    dialect: handle.dialect,
    clock,
    log,
    ...(handle.newClient ? { newClient: handle.newClient } : {}),
  })
  const platform: PlatformDeps = {
    config,
    db: handle.db,
    dialect: handle.dialect,
    replica,
    ledger: createLedger(handle.db, clock, { replica, ...config.audit, log }),
    sessions: createSessionStore(handle.db, clock, config.session),
    users: createUserStore(handle.db, clock),
    clock,
    log,
    lifecycle: createLifecycle(),
  }
  return { platform, handle }
}

/** First start: create `admin` and print its one-time password once, to stdout, not to the log. */
export async function bootstrapAdmin(
  platform: PlatformDeps,
  write: (text: string) => void,
): Promise<void> {
  const created = await platform.users.bootstrapAdmin()
  if (!created) return
  await recordQuietly(
    platform.ledger,
    platform.log,
    localEvent({
      action: 'user.create',
      actor: 'system',
      role: null,
      via: 'system',
      subject: created.username,
      outcome: 'success',
      details: { role: 'admin', oneTimePassword: true },
    }),
  )
  platform.log.warn(
    { username: created.username },
    'created the initial admin account (password printed once on stdout)',
  )
  write(
    [
      '',
      '==================================================================',
      ` Initial account: ${created.username}`,
      ` One-time password: ${created.password}`,
      ' Sign in and choose a new password; this is shown only once.',
      '==================================================================',
      '',
    ].join('\n'),
  )
}
