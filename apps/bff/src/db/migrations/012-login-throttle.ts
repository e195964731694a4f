import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Login throttling per (account, source address) instead of per account (src/auth/login-throttle.ts):
 * each failure row now says whose account and which address it concerns, so the per-address
 * counter and `users unlock NAME` need no parsing of `key`. Rows written before this migration
 * have neither and age out within 15 minutes.
 */
export const m012LoginThrottle: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('login_failures').addColumn('username', 'text').execute()
    await db.schema.alterTable('login_failures').addColumn('source', 'text').execute()
    await db.schema
      .createIndex('login_failures_source_at')
      .on('login_failures')
      .columns(['source', 'at'])
      .execute()
    await db.schema
      .createIndex('login_failures_username')
      .on('login_failures')
      .column('username')
      .execute()
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('login_failures_username').execute()
    await db.schema.dropIndex('login_failures_source_at').execute()
    await db.schema.alterTable('login_failures').dropColumn('source').execute()
    await db.schema.alterTable('login_failures').dropColumn('username').execute()
  },
}
