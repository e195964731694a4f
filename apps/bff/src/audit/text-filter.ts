import { sql, type Kysely, type SelectQueryBuilder } from 'kysely'
import type { Database } from '../db/schema.js'
import { dialectOf } from '../db/dialect.js'

/** Shortest term the SQLite trigram index can answer (it indexes 3-character sequences). */
const MIN_TRIGRAM_CHARS = 3

/**
 * Above this many candidate entries the term is common: a walk of the (at, seq) index checking
 * LIKE finds a page within a few thousand rows, while fetching and sorting every candidate costs
 * more (measured: 'runaway', in 1 of 5 entries, took 266 ms that way at 200k entries).
 */
const MAX_INDEXED_CANDIDATES = 2000

const trigramUsable = (lower: string) => [...lower].length >= MIN_TRIGRAM_CHARS

/** One FTS5 phrase: double quotes inside it are escaped by doubling, so no query syntax leaks. */
const ftsPhrase = (lower: string) => `"${lower.replace(/"/g, '""')}"`

/**
 * SQLite only: whether the FTS5 trigram index (migration 004) should narrow this term's rows.
 * Counts at most MAX_INDEXED_CANDIDATES + 1 matches, so the probe stays cheap for common terms.
 */
export async function sqliteTextIndexPays(db: Kysely<Database>, text: string): Promise<boolean> {
  const lower = text.toLowerCase()
  if (dialectOf(db) !== 'sqlite' || !trigramUsable(lower)) return false
  const { rows } = await sql<{
    n: number
  }>`SELECT count(*) AS n FROM (SELECT 1 FROM audit_entries_fts WHERE audit_entries_fts MATCH ${ftsPhrase(lower)} LIMIT ${MAX_INDEXED_CANDIDATES + 1})`.execute(
    db,
  )
  return Number(rows[0]?.n ?? 0) <= MAX_INDEXED_CANDIDATES
}

/**
 * `q`: case-insensitive substring of the entry's search text (already lower-cased), LIKE wildcards
 * in it matched literally. The LIKE is always the filter, so the meaning never depends on an
 * index: on PostgreSQL the pg_trgm index serves it directly; on SQLite, with `useFts`, the FTS5
 * trigram index first narrows the rows to its matches (a superset: it folds case itself).
 */
// Generic over the builder: it only adds raw conditions on `e` (audit_entries), whatever else is joined.
export function withTextFilter<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  text: string,
  useFts: boolean,
): SelectQueryBuilder<DB, TB, O> {
  const lower = text.toLowerCase()
  const needle = `%${lower.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
  const out = query.where(sql<boolean>`e.search LIKE ${needle} ESCAPE '\\'`)
  if (!useFts || !trigramUsable(lower)) return out
  return out.where(
    sql<boolean>`e.seq IN (SELECT rowid FROM audit_entries_fts WHERE audit_entries_fts MATCH ${ftsPhrase(lower)})`,
  )
}
