import { PostgresAdapter } from 'kysely'

export type DialectName = 'sqlite' | 'postgres'

/** Which SQL dialect a Kysely instance talks to (migrations need it for triggers and types). */
export function dialectOf(db: { getExecutor(): { readonly adapter: unknown } }): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
