import type { Kysely } from 'kysely'
import type { AuditIntent } from '@ops-console/contracts'
import type { Database } from '../db/schema.js'
import { dialectOf } from '../db/dialect.js'
import type { Clock } from '../lib/clock.js'
import { AppError } from '../lib/errors.js'
import { appendRow, inTransaction } from './append.js'
import { exportChunks, lastActions, openIntents, queryEntries } from './query.js'
import type { ReplicaView } from '../lib/replica-presence.js'
import type { AuditLedger } from './types.js'
import { verifyChain } from './verify.js'
import { memoiseLastActions } from './last-actions-memo.js'

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
}

/** The audit ledger over the shared database (see docs/decisions for the hash chain). */
export function createLedger(
  db: Kysely<Database>,
  clock: Clock,
  opts: LedgerOptions = {},
): AuditLedger {
  const dialect = dialectOf(db)
  const { replica } = opts
  const memo = memoiseLastActions(db, clock, (refs) => lastActions(db, refs))
  return {
    ...(replica ? { replica } : {}),
    async recordIntent(input) {
      const at = clock.now().toISOString()
      // The owner lets the reconciler leave a live replica's in-flight actions alone (docs/deployment.md).
      const options = { ...input.options, ...(replica ? { replica: replica.id } : {}) }
      try {
        const row = await inTransaction(db, dialect, async (trx) => {
          const r = await appendRow(trx, dialect, {
            type: 'intent',
            at,
            body: { ...input, options },
          })
          const search = [
            input.actor,
            input.target,
            input.workloadId,
            input.workloadName,
            input.reason,
            input.kind,
          ]
            .join('\n')
            .toLowerCase()
          await trx
            .insertInto('audit_entries')
            .values({
              seq: r.seq,
              intent_id: r.id,
              at,
              actor: input.actor,
              kind: input.kind,
              action: input.action,
              target: input.target,
              workload_id: input.workloadId,
              search,
              outcome: null,
              settled: 0,
              final_state: null,
              time_to_stop_ms: null,
              last_outcome_seq: null,
            })
            .execute()
          return r
        })
        // Committed: only now may the caller act upstream.
        return { ...input, options, id: row.id, at } satisfies AuditIntent
      } catch (err) {
        throw unavailable(err)
      } finally {
        memo.invalidate()
      }
    },
    async recordOutcome(input) {
      const at = clock.now().toISOString()
      try {
        await inTransaction(db, dialect, async (trx) => {
          const entry = await trx
            .selectFrom('audit_entries')
            .select(['seq'])
            .where('intent_id', '=', input.intentId)
            .executeTakeFirst()
          if (!entry) throw new Error(`no audit intent ${input.intentId}`)
          const r = await appendRow(trx, dialect, {
            type: 'outcome',
            intentId: input.intentId,
            at,
            body: input,
          })
          await trx
            .updateTable('audit_entries')
            .set({
              outcome: input.outcome,
              last_outcome_seq: r.seq,
              ...(input.source === 'watcher' ? {} : { settled: 1 }),
              ...(input.finalState != null ? { final_state: input.finalState } : {}),
              ...(input.timeToStopMs != null ? { time_to_stop_ms: input.timeToStopMs } : {}),
            })
            .where('intent_id', '=', input.intentId)
            .execute()
        })
      } catch (err) {
        throw unavailable(err)
      } finally {
        memo.invalidate()
      }
    },
    openIntents: () => openIntents(db),
    lastActions: (refs) => memo.lastActions(refs),
    query: (q) => queryEntries(db, q),
    export: (q, format) => exportChunks(db, q, format),
    verify: () => verifyChain(db),
  }
}
