import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * One row per running BFF process (replica) sharing this database: its heartbeat and, on
 * PostgreSQL, the key of the session advisory lock it holds while its connection lives. The
 * reconciler uses both to tell a live replica's in-flight intents from a dead one's
 * (src/lib/replica-presence.ts). Plain text/integer columns so SQLite and PostgreSQL agree.
 */
export const m003Replicas: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('replicas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Second half of the two-int advisory lock key; null on SQLite (one process, no locks).
      .addColumn('lock_key', 'integer')
      .addColumn('host', 'text', (c) => c.notNull())
      .addColumn('pid', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('heartbeat_at', 'text', (c) => c.notNull())
      .execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('replicas').execute()
  },
}
