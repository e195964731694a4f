import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * The readiness probe's durable write: `/readyz` commits one row per process here through the
 * ledger's group commit, so it fails exactly when audit appends would (lock, read-only, disk full).
 */
export const m006LedgerProbe: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('ledger_probe')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('ledger_probe').execute()
  },
}
