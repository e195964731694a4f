import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { SessionUser } from '@ops-console/contracts'
import type { Database, SessionsTable } from '../db/schema.js'
import type { Clock } from '../lib/clock.js'
import type { BffConfig } from '../lib/config.js'

export const SESSION_COOKIE = '__Host-ops_session'

export interface SessionInfo {
  idHash: string
  user: SessionUser
  createdAt: string
  lastSeenAt: string
  expiresAt: string
}

export interface SessionStore {
  /** Starts a fresh session (a new random id every login: rotation). Returns the cookie value. */
  create(user: SessionUser): Promise<{ id: string; info: SessionInfo }>
  /** The live session for a cookie value, sliding the idle timeout; null when unknown or expired. */
  lookup(id: string): Promise<SessionInfo | null>
  destroy(id: string): Promise<void>
  /** Ends every session of a user (password change, disable, role change). */
  destroyForUser(username: string, opts?: { except?: string }): Promise<void>
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex')
}

function toInfo(r: SessionsTable): SessionInfo {
  return {
    idHash: r.id_hash,
    user: {
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      authMethod: r.auth_method,
    },
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
  }
}

// Writing last_seen_at on every request would turn reads into writes; once a minute is enough
// precision for an idle timeout measured in minutes.
const TOUCH_EVERY_MS = 60_000

export function createSessionStore(
  db: Kysely<Database>,
  clock: Clock,
  cfg: BffConfig['session'],
): SessionStore {
  const idleMs = cfg.idleMinutes * 60_000
  // Short idle limits need more frequent touches, or an active session would still time out.
  const touchEveryMs = Math.min(TOUCH_EVERY_MS, idleMs / 4)
  return {
    async create(user) {
      const id = randomBytes(32).toString('base64url')
      const now = clock.now()
      const row: SessionsTable = {
        id_hash: hashSessionId(id),
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        auth_method: user.authMethod,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + cfg.absoluteHours * 3_600_000).toISOString(),
      }
      await db.insertInto('sessions').values(row).execute()
      return { id, info: toInfo(row) }
    },
    async lookup(id) {
      const idHash = hashSessionId(id)
      const r = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .executeTakeFirst()
      if (!r) return null
      const now = clock.now().getTime()
      const lastSeen = Date.parse(r.last_seen_at)
      if (now >= Date.parse(r.expires_at) || now - lastSeen >= idleMs) {
        await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
        return null
      }
      if (now - lastSeen >= touchEveryMs) {
        r.last_seen_at = new Date(now).toISOString()
        await db
          .updateTable('sessions')
          .set({ last_seen_at: r.last_seen_at })
          .where('id_hash', '=', idHash)
          .execute()
      }
      return toInfo(r)
    },
    async destroy(id) {
      await db.deleteFrom('sessions').where('id_hash', '=', hashSessionId(id)).execute()
    },
    async destroyForUser(username, opts = {}) {
      let q = db.deleteFrom('sessions').where('username', '=', username)
      if (opts.except) q = q.where('id_hash', '!=', hashSessionId(opts.except))
      await q.execute()
    },
  }
}
