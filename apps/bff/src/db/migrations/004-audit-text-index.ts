import { sql, type Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { dialectOf } from '../dialect.js'

/**
 * Makes the audit view's free-text filter (`q`, a substring of audit_entries.search) indexable.
 *
 * SQLite: an FTS5 index with the trigram tokenizer over audit_entries.search (external content,
 * so the text is not stored twice), kept in sync by triggers and backfilled here. It is derived
 * data like audit_entries itself: not part of the hash chain, and audit_log's append-only
 * triggers never see it (the triggers sit on audit_entries).
 *
 * PostgreSQL: a pg_trgm GIN index on audit_entries.search, which `LIKE '%term%'` uses as is. The
 * extension is optional: where it cannot be created (no privilege, not installed) the migration
 * still succeeds without the index and the filter keeps its sequential scan.
 */
async function sqliteUp(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE audit_entries_fts USING fts5(search, content='audit_entries', content_rowid='seq', tokenize='trigram')`.execute(
    db,
  )
  await sql`CREATE TRIGGER audit_entries_fts_insert AFTER INSERT ON audit_entries BEGIN
    INSERT INTO audit_entries_fts (rowid, search) VALUES (new.seq, new.search); END`.execute(db)
  // The ledger only inserts, but a rebuilt or repaired projection must not leave stale postings.
  await sql`CREATE TRIGGER audit_entries_fts_delete AFTER DELETE ON audit_entries BEGIN
    INSERT INTO audit_entries_fts (audit_entries_fts, rowid, search) VALUES ('delete', old.seq, old.search); END`.execute(
    db,
  )
  await sql`CREATE TRIGGER audit_entries_fts_update AFTER UPDATE OF search ON audit_entries BEGIN
    INSERT INTO audit_entries_fts (audit_entries_fts, rowid, search) VALUES ('delete', old.seq, old.search);
    INSERT INTO audit_entries_fts (rowid, search) VALUES (new.seq, new.search); END`.execute(db)
  await sql`INSERT INTO audit_entries_fts (audit_entries_fts) VALUES ('rebuild')`.execute(db)
}

async function postgresUp(db: Kysely<unknown>): Promise<void> {
  // The extension is per database, so it goes to `public` rather than the first schema on the
  // search_path: dropping that schema (tests use one per file) would otherwise take every other
  // schema's index with it. The exception block is a subtransaction, so a refusal does not abort
  // the migration's transaction.
  await sql
    .raw(
      `DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
       EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'pg_trgm unavailable, audit text search stays a scan: %', SQLERRM; END $$`,
    )
    .execute(db)
  const ext = await sql<{
    ns: string
  }>`SELECT extnamespace::regnamespace::text AS ns FROM pg_extension WHERE extname = 'pg_trgm'`.execute(
    db,
  )
  const ns = ext.rows[0]?.ns
  if (!ns) return
  // Operator class qualified: the extension's schema need not be on this connection's search_path.
  await sql`CREATE INDEX audit_entries_search_trgm ON audit_entries USING gin (search ${sql.id(ns.replace(/^"|"$/g, ''))}.gin_trgm_ops)`.execute(
    db,
  )
}

export const m004AuditTextIndex: Migration = {
  async up(db: Kysely<unknown>) {
    if (dialectOf(db) === 'sqlite') await sqliteUp(db)
    else await postgresUp(db)
  },
  async down(db: Kysely<unknown>) {
    if (dialectOf(db) === 'sqlite') {
      for (const t of ['insert', 'delete', 'update'])
        await sql`DROP TRIGGER IF EXISTS ${sql.id(`audit_entries_fts_${t}`)}`.execute(db)
      await sql`DROP TABLE IF EXISTS audit_entries_fts`.execute(db)
    } else {
      await sql`DROP INDEX IF EXISTS audit_entries_search_trgm`.execute(db)
    }
  },
}
