import type { Kysely } from 'kysely'
import type { LastAction } from '@ops-console/contracts'
import type { Database } from '../db/schema.js'
import type { Clock } from '../lib/clock.js'
import { workloadKey, type WorkloadKey } from './types.js'

/**
 * How long a read of the ledger's head (max seq) is trusted. Rows written by this process
 * invalidate at once; rows written by another replica show up within this delay, well inside the
 * 2 s list cache, so a stop elsewhere is never hidden longer than a cached listing is.
 */
export const HEAD_CHECK_TTL_MS = 250
/** Distinct ref sets remembered (pages and stream sources); the oldest is dropped beyond it. */
const MAX_ENTRIES = 256

type Load = (refs: WorkloadKey[]) => Promise<Map<string, LastAction>>

interface Memo {
  head: number
  generation: number
  value: Map<string, LastAction>
}

/**
 * `lastActions` only changes when the ledger does, yet a busy list page asked for it on every
 * request (one prepared join over up to 100 ids + JSON parsing each time). This keeps each
 * answer until the ledger's head seq moves. Results are shared: callers must not mutate them.
 */
export function memoiseLastActions(db: Kysely<Database>, clock: Clock, load: Load) {
  const memo = new Map<string, Memo>()
  // Bumped by every local append: a load that started before it is not stored.
  let generation = 0
  let head: { seq: number; at: number; generation: number } | null = null

  const readHead = async (): Promise<number> => {
    const now = clock.now().getTime()
    if (
      head &&
      head.generation === generation &&
      now - head.at >= 0 &&
      now - head.at < HEAD_CHECK_TTL_MS
    )
      return head.seq
    const started = generation
    const row = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst()
    const seq = Number(row?.seq ?? 0)
    if (started === generation) head = { seq, at: now, generation }
    return seq
  }

  return {
    /** Call after every committed append by this process. */
    invalidate(): void {
      generation++
      head = null
      memo.clear()
    },
    async lastActions(refs: WorkloadKey[]): Promise<Map<string, LastAction>> {
      const key = refs.map(workloadKey).join('\n')
      const started = generation
      const seq = await readHead()
      const hit = memo.get(key)
      if (hit && hit.head === seq && hit.generation === started && started === generation)
        return hit.value
      const value = await load(refs)
      if (started === generation) {
        memo.delete(key)
        memo.set(key, { head: seq, generation: started, value })
        if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string)
      }
      return value
    },
  }
}
