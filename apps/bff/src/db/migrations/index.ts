import type { Migration, MigrationProvider } from 'kysely'
import { m001Platform } from './001-platform.js'
import { m002ScriptInstances } from './002-script-instances.js'
import { m003Replicas } from './003-replicas.js'

/**
 * Every migration, in order (Kysely sorts by name). Static so the esbuild bundle needs no
 * directory scan. Workloads half: append your `'002-script-instances': ...` line below.
 */
export const migrations: Record<string, Migration> = {
  '001-platform': m001Platform,
  '002-script-instances': m002ScriptInstances,
  '003-replicas': m003Replicas,
}

export const migrationProvider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) }
