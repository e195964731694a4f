import { randomBytes, randomInt } from 'node:crypto'
import { hostname } from 'node:os'
import type pg from 'pg'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import type { DialectName } from '../db/dialect.js'
import type { Clock } from './clock.js'
import type { Logger } from './logger.js'
import { createExclusiveLock, type ExclusiveOptions } from './exclusive-lock.js'

/** classid of every replica's presence lock: `pg_advisory_lock(PRESENCE_LOCK_NS, replicas.lock_key)`. */
export const PRESENCE_LOCK_NS = 0x6f707301
export const HEARTBEAT_MS = 5_000
/** A replica whose heartbeat is older than this is dead even if its session lock is still held (hung, or its host vanished). */
export const STALE_AFTER_MS = 30_000
/** Rows of replicas silent for this long are deleted at start-up (housekeeping only). */
const FORGET_AFTER_MS = 24 * 3_600_000

/** What the ledger and the reconciler need to know about the processes sharing the database. */
export interface ReplicaView {
  /** This process's id; the ledger records it in every intent (`options.replica`). */
  readonly id: string
  /** Replicas alive now, always including this one. */
  liveIds(): Promise<Set<string>>
  /**
   * Runs `fn` while holding the database-wide reconciliation lock (one holder across all replicas);
   * resolves null when another holder kept it for all of `waitMs`.
   */
  exclusive<T>(fn: () => Promise<T>, opts?: ExclusiveOptions): Promise<T | null>
}

export interface ReplicaPresence extends ReplicaView {
  /** Registers this process (row + PostgreSQL session lock) and starts the heartbeat timer. */
  start(): Promise<void>
  /** One heartbeat: re-takes a lost session lock and refreshes `heartbeat_at` (the timer calls it). */
  beat(): Promise<void>
  /** Clean exit, after in-flight work has finished: drops the row and the session, so others see this replica gone at once. */
  stop(): Promise<void>
}

export interface PresenceOptions {
  db: Kysely<Database>
  dialect: DialectName
  clock: Clock
  log: Logger
  /** PostgreSQL: an unconnected client outside the pool (`DbHandle.newClient`). */
  newClient?: () => pg.Client
  id?: string
  /** 0 = no timer (tests beat by hand). */
  heartbeatMs?: number
  staleAfterMs?: number
}

/**
 * Liveness of BFF replicas sharing one database. On PostgreSQL each replica holds a session-level
 * advisory lock on a dedicated connection: when the process dies its connection closes and the
 * server drops the lock at once, so a restarted or surviving replica can tell a dead replica's
 * open intents from a live one's in-flight actions. The heartbeat covers what a lock cannot see:
 * a hung process, or a host that vanished without closing its TCP connection. SQLite is
 * single-process by design (docs/deployment.md), so there every other replica is dead.
 */
export function createReplicaPresence(opts: PresenceOptions): ReplicaPresence {
  const { db, dialect, clock, log, newClient } = opts
  if (dialect === 'postgres' && !newClient)
    throw new Error('replica presence on PostgreSQL needs newClient')
  const id = opts.id ?? `replica-${randomBytes(4).toString('hex')}`
  const heartbeatMs = opts.heartbeatMs ?? HEARTBEAT_MS
  const staleAfterMs = opts.staleAfterMs ?? STALE_AFTER_MS
  const startedAt = clock.now().toISOString()
  let session: pg.Client | null = null
  let lockKey: number | null = null
  let timer: NodeJS.Timeout | null = null
  const lock = createExclusiveLock(newClient ?? null, log)

  const dropSession = (client: pg.Client, err?: unknown) => {
    if (session !== client) return
    session = null
    log.warn(
      { err, replica: id },
      'replica presence: database session lost; re-taken on the next heartbeat',
    )
  }

  const acquire = async (connect: () => pg.Client): Promise<void> => {
    const client = connect()
    client.on('error', (err) => dropSession(client, err))
    client.on('end', () => dropSession(client))
    try {
      await client.connect()
      // Keep our key when re-acquiring; a random key that happens to be taken is simply replaced.
      for (let attempt = 0; attempt < 5; attempt++) {
        const key = lockKey ?? randomInt(1, 2 ** 31 - 1)
        const r = await client.query<{ ok: boolean }>(
          'SELECT pg_try_advisory_lock($1::int, $2::int) AS ok',
          [PRESENCE_LOCK_NS, key],
        )
        if (r.rows[0]?.ok) {
          lockKey = key
          session = client
          return
        }
        lockKey = null
      }
      throw new Error('could not take a replica presence lock')
    } catch (err) {
      await client.end().catch(() => undefined)
      throw err
    }
  }

  const writeRow = async () => {
    const now = clock.now().toISOString()
    await db
      .insertInto('replicas')
      .values({
        id,
        lock_key: lockKey,
        host: hostname(),
        pid: process.pid,
        started_at: startedAt,
        heartbeat_at: now,
      })
      .onConflict((oc) => oc.column('id').doUpdateSet({ heartbeat_at: now, lock_key: lockKey }))
      .execute()
  }

  const beat = async () => {
    try {
      if (newClient && !session) await acquire(newClient)
      await writeRow()
    } catch (err) {
      log.warn({ err, replica: id }, 'replica heartbeat failed')
    }
  }

  return {
    id,
    async start() {
      if (newClient) await acquire(newClient)
      await writeRow()
      const forget = new Date(clock.now().getTime() - FORGET_AFTER_MS).toISOString()
      await db.deleteFrom('replicas').where('heartbeat_at', '<', forget).execute()
      if (heartbeatMs > 0) {
        timer = setInterval(() => void beat(), heartbeatMs)
        timer.unref()
      }
      log.info({ replica: id, host: hostname(), pid: process.pid }, 'replica registered')
    },
    beat,
    async stop() {
      if (timer) clearInterval(timer)
      timer = null
      await db
        .deleteFrom('replicas')
        .where('id', '=', id)
        .execute()
        .catch((err: unknown) => log.warn({ err, replica: id }, 'could not remove the replica row'))
      const s = session
      session = null
      // Ending the session releases its lock on the server.
      if (s) await s.end().catch(() => undefined)
    },
    async liveIds() {
      if (dialect === 'sqlite') return new Set([id])
      const fresh = new Date(clock.now().getTime() - staleAfterMs).toISOString()
      const rows = await sql<{ id: string }>`
        SELECT r.id FROM replicas r
        WHERE r.heartbeat_at >= ${fresh} AND EXISTS (
          SELECT 1 FROM pg_locks l
          WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
            AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid::bigint = ${PRESENCE_LOCK_NS} AND l.objid::bigint = r.lock_key)`.execute(
        db,
      )
      return new Set([id, ...rows.rows.map((r) => r.id)])
    },
    exclusive: (fn, o) => lock.run(fn, o),
  }
}
