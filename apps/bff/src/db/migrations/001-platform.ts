import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { dialectOf } from '../dialect.js'

const APPEND_ONLY = 'audit_log is append-only'

/** Refuse UPDATE/DELETE (and TRUNCATE on PostgreSQL) on the ledger inside the database itself. */
async function appendOnlyTriggers(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, ${sql.raw(`'${APPEND_ONLY}'`)}); END`.execute(
      db,
    )
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, ${sql.raw(`'${APPEND_ONLY}'`)}); END`.execute(
      db,
    )
    return
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '${APPEND_ONLY}' USING ERRCODE = 'insufficient_privilege'; END $$`,
    )
    .execute(db)
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(
    db,
  )
  await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(
    db,
  )
}

export const m001Platform: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('auth_method', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute()
    await db.schema.createIndex('sessions_username').on('sessions').column('username').execute()

    await db.schema
      .createTable('login_failures')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('login_failures_key_at')
      .on('login_failures')
      .columns(['key', 'at'])
      .execute()

    await db.schema
      .createTable('oidc_flows')
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute()

    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('intent_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute()
    await db.schema
      .createIndex('audit_log_intent')
      .on('audit_log')
      .columns(['intent_id', 'seq'])
      .execute()
    await appendOnlyTriggers(db)

    await db.schema
      .createTable('audit_entries')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('intent_id', 'text', (c) => c.notNull().unique())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('workload_id', 'text', (c) => c.notNull())
      .addColumn('search', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('settled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('final_state', 'text')
      .addColumn('time_to_stop_ms', 'integer')
      .addColumn('last_outcome_seq', 'integer')
      .execute()
    // Keyset pagination is on (at, seq) descending; each filter gets an index led by its column.
    await db.schema
      .createIndex('audit_entries_at_seq')
      .on('audit_entries')
      .columns(['at', 'seq'])
      .execute()
    for (const col of ['actor', 'kind', 'action', 'outcome'] as const) {
      await db.schema
        .createIndex(`audit_entries_${col}_at_seq`)
        .on('audit_entries')
        .columns([col, 'at', 'seq'])
        .execute()
    }
    await db.schema
      .createIndex('audit_entries_settled')
      .on('audit_entries')
      .columns(['settled', 'seq'])
      .execute()
    await db.schema
      .createIndex('audit_entries_ref')
      .on('audit_entries')
      .columns(['kind', 'target', 'workload_id', 'seq'])
      .execute()
  },
}
