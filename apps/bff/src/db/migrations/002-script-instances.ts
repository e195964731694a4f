import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * DataArts has no "list script instances" call (cloud-api.md §2.9), so the BFF remembers the
 * instances it started or was told about. Plain text/integer columns so SQLite and PostgreSQL agree.
 */
export const m002ScriptInstances: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('script_instances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('script_name', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'text', (c) => c.notNull())
      .addColumn('registered_by', 'text', (c) => c.notNull())
      .addColumn('registered_at', 'text', (c) => c.notNull())
      .addColumn('last_status', 'text')
      .addColumn('last_checked_at', 'text')
      // Set when we sent a stop: the spec documents no stopped status, so FAILED after it reads as stopped.
      .addColumn('stop_requested_at', 'text')
      .addUniqueConstraint('script_instances_target_script_instance', [
        'target',
        'script_name',
        'instance_id',
      ])
      .execute()
    await db.schema
      .createIndex('script_instances_registered_at')
      .on('script_instances')
      .column('registered_at')
      .execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('script_instances').execute()
  },
}
