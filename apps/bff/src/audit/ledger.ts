import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { AuditEvent, AuditIntent } from '@ops-console/contracts'
import type { Database } from '../db/schema.js'
import { DEFAULT_WRITE_TIMEOUT_MS } from '../db/create-db.js'
import { rawHandleOf } from '../db/raw-handles.js'
import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import type { Logger } from '../lib/logger.js'
import type { ReplicaView } from '../lib/replica-presence.js'
import type { LedgerStore, PendingRow } from './batch.js'
import { createCheckpointWriter, type CheckpointWriter } from './checkpoints.js'
import { createGroupCommit } from './group-commit.js'
import { memoiseLastActions } from './last-actions-memo.js'
import { createPgStore } from './pg-store.js'
import { exportChunks, lastActions, openIntents, queryEntries } from './query.js'
import { createSqliteStore } from './sqlite-store.js'
import type { AuditLedger } from './types.js'
import { verifyChain } from './verify.js'

function unavailable(cause: unknown): AppError {
  return new AppError(
    'AUDIT_UNAVAILABLE',
    'the audit log cannot be written; nothing was sent to the cloud',
    { cause },
  )
}

export interface LedgerOptions {
  /** This process among the replicas: its id is recorded in every intent (`options.replica`). */
  replica?: ReplicaView
  /** Longest wait of one append (queue + lock) before AUDIT_UNAVAILABLE (default 2 s). */
  writeTimeoutMs?: number
  /** AUDIT_HMAC_KEY: every row gets a MAC the database cannot forge. */
  hmacKey?: string | null
  /** AUDIT_CHECKPOINT_FILE: chain heads appended outside the database. */
  checkpointFile?: string | null
  /** Where checkpoint write failures are reported. */
  log?: Logger
}

function storeFor(db: Kysely<Database>, hmacKey: string | null, timeoutMs: number): LedgerStore {
  const raw = rawHandleOf(db)
  return 'sqlite' in raw
    ? createSqliteStore(raw.sqlite, raw.pragmas, hmacKey)
    : createPgStore(raw.pool, hmacKey, timeoutMs)
}

/**
 * The audit ledger over the shared database (docs/decisions/003 and 009): appends go through one
 * group commit per process, so concurrent stops share transactions while each caller still gets
 * its row back only once it is durable.
 */
export function createLedger(
  db: Kysely<Database>,
  clock: Clock,
  opts: LedgerOptions = {},
): AuditLedger {
  const { replica } = opts
  const timeoutMs = opts.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS
  const hmacKey = opts.hmacKey ?? null
  const memo = memoiseLastActions(db, clock, (refs) => lastActions(db, refs))
  const checkpoints: CheckpointWriter | null = opts.checkpointFile
    ? createCheckpointWriter(opts.checkpointFile, {
        hmacKey,
        now: () => clock.now(),
        onError: (err) => opts.log?.error({ err }, 'could not write an audit checkpoint'),
      })
    : null
  const store = storeFor(db, hmacKey, timeoutMs)
  const commits = createGroupCommit(store, (committed) => {
    memo.invalidate()
    const last = committed.findLast((r) => r !== null && !(r instanceof Error))
    if (last && !(last instanceof Error)) checkpoints?.note(last.seq, last.hash)
  })

  /** Resolves once `row` is durable; any failure is AUDIT_UNAVAILABLE (the caller sends nothing). */
  async function append(row: PendingRow, wait = timeoutMs): Promise<void> {
    try {
      await commits.append(row, wait)
    } catch (err) {
      throw unavailable(err)
    }
  }

  return {
    ...(replica ? { replica } : {}),
    async recordIntent(input) {
      const id = randomUUID()
      const at = clock.now().toISOString()
      // The owner lets the reconciler leave a live replica's in-flight actions alone (docs/deployment.md).
      const options = { ...input.options, ...(replica ? { replica: replica.id } : {}) }
      const body = { ...input, options }
      await append({ type: 'intent', id, at, body })
      // Committed: only now may the caller act upstream.
      return { ...body, id, at } satisfies AuditIntent
    },
    async recordOutcome(input) {
      const at = clock.now().toISOString()
      await append({ type: 'outcome', id: randomUUID(), intentId: input.intentId, at, body: input })
    },
    async recordEvent(input) {
      const id = randomUUID()
      const at = clock.now().toISOString()
      await append({ type: 'event', id, at, body: input })
      return { ...input, id, at } satisfies AuditEvent
    },
    async probe(wait) {
      try {
        await append(
          { type: 'probe', id: replica?.id ?? 'local', at: clock.now().toISOString() },
          wait,
        )
      } catch (err) {
        const cause = err instanceof AppError ? err.extra.cause : err
        return { ok: false, problem: cause instanceof Error ? cause.message : String(cause) }
      }
      const headroom = await store.headroomProblem()
      return headroom ? { ok: false, problem: headroom } : { ok: true }
    },
    async close() {
      await commits.drain()
      await checkpoints?.close()
      await store.close()
    },
    openIntents: () => openIntents(db),
    lastActions: (refs) => memo.lastActions(refs),
    query: (q) => queryEntries(db, q),
    export: (q, format) => exportChunks(db, q, format),
    verify: (v = {}) => verifyChain(db, { hmacKey, ...v }),
  }
}
