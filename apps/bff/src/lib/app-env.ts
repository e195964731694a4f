import type { IncomingMessage } from 'node:http'
import type { Kysely } from 'kysely'
import type { SessionUser } from '@ops-console/contracts'
import type { AuditLedger } from '../audit/types.js'
import type { Database } from '../db/schema.js'
import type { DialectName } from '../db/dialect.js'
import type { SessionStore, SessionInfo } from '../auth/sessions.js'
import type { UserStore } from '../auth/users.js'
import type { AppServices } from './app-services.js'
import type { BffConfig } from './config.js'
import type { Clock } from './clock.js'
import type { Lifecycle } from './lifecycle.js'
import type { Logger } from './logger.js'
import type { ReplicaPresence } from './replica-presence.js'

/** Everything the platform builds; handed to the workloads half to build its services. */
export interface PlatformDeps {
  config: BffConfig
  db: Kysely<Database>
  dialect: DialectName
  /** This process among the BFF replicas sharing the database (absent in tests that need none). */
  replica?: ReplicaPresence
  ledger: AuditLedger
  sessions: SessionStore
  users: UserStore
  clock: Clock
  log: Logger
  /** Draining after SIGTERM (readiness 503); absent in tests and CLIs that never drain. */
  lifecycle?: Lifecycle
}

/** What `createApp` needs: the platform plus the workloads services (see app-services.ts). */
export interface AppDeps extends PlatformDeps {
  services: AppServices
}

/** Hono generics for every router in the BFF. */
export interface AppEnv {
  /** Set by @hono/node-server; tests may pass `{ incoming }` as the third `app.request` argument. */
  Bindings: { incoming?: IncomingMessage }
  Variables: {
    requestId: string
    /** Null when nobody is signed in. */
    user: SessionUser | null
    session: SessionInfo | null
    deps: AppDeps
    /** Child logger bound to the request id. */
    log: Logger
    /** Client socket address (or the first X-Forwarded-For hop when trustProxy is on). */
    clientIp: string | null
    /** True while a local user still has their one-time password. */
    mustChangePassword: boolean
  }
}
