import type { Migration, MigrationProvider } from 'kysely/migration'
import { m001Platform } from './001-platform.js'
import { m002ScriptInstances } from './002-script-instances.js'
import { m003Replicas } from './003-replicas.js'
import { m004AuditTextIndex } from './004-audit-text-index.js'
import { m005AuditEntryModel } from './005-audit-entry-model.js'
import { m006LedgerProbe } from './006-ledger-probe.js'
import { m012LoginThrottle } from './012-login-throttle.js'

/**
 * Every migration, in order (Kysely sorts by name). Static so the esbuild bundle needs no
 * directory scan. Workloads half: append your `'002-script-instances': ...` line below.
 */
export const migrations: Record<string, Migration> = {
  '001-platform': m001Platform,
  '002-script-instances': m002ScriptInstances,
  '003-replicas': m003Replicas,
  '004-audit-text-index': m004AuditTextIndex,
  '005-audit-entry-model': m005AuditEntryModel,
  '006-ledger-probe': m006LedgerProbe,
  '012-login-throttle': m012LoginThrottle,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
}
