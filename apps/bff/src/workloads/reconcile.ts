import { parseWorkloadId, TERMINAL_STATES, type AuditIntent } from '@ops-console/contracts'
import { describeUpstreamError } from './cloud-errors.js'
import type { WorkloadServiceDeps } from './service-deps.js'
import type { Observed } from './types.js'

type Settlement = {
  outcome: 'success' | 'unknown'
  finalState: string | null
  cloudCode: string | null
  cloudMessage: string | null
}

async function observe(
  deps: WorkloadServiceDeps,
  intent: AuditIntent,
): Promise<{ observed: Observed | null } | { error: unknown } | { missing: string }> {
  const target = deps.targets.find((t) => t.name === intent.target)
  const adapter = deps.adapters[intent.kind]
  if (!target) return { missing: `target '${intent.target}' is no longer configured` }
  if (!parseWorkloadId(intent.kind, intent.workloadId))
    return { missing: 'the recorded workload id cannot be read back' }
  try {
    return { observed: await adapter.get(target, intent.workloadId) }
  } catch (err) {
    return { error: err }
  }
}

/** Decides what an open intent most likely led to, from the workload's current state only. */
async function settle(deps: WorkloadServiceDeps, intent: AuditIntent): Promise<Settlement> {
  const unknown = (
    cloudMessage: string,
    finalState: string | null = null,
    cloudCode: string | null = null,
  ): Settlement => ({ outcome: 'unknown', finalState, cloudCode, cloudMessage })
  if (intent.action !== 'workload.stop' && intent.action !== 'workload.delete') {
    // script.execute/register: there is no list call to look the effect up (cloud-api.md §2.9).
    return unknown('interrupted before its outcome was recorded; the effect cannot be looked up')
  }
  const seen = await observe(deps, intent)
  if ('missing' in seen) return unknown(seen.missing)
  if ('error' in seen) {
    const f = describeUpstreamError(seen.error)
    return unknown(`could not read the workload: ${f.message}`, null, f.cloudCode)
  }
  const { observed } = seen
  if (intent.action === 'workload.delete') {
    return observed === null
      ? { outcome: 'success', finalState: 'gone', cloudCode: null, cloudMessage: null }
      : unknown('the workload still exists', observed.state)
  }
  if (observed === null) return unknown('the workload no longer exists', 'gone')
  if (TERMINAL_STATES.includes(observed.state))
    return { outcome: 'success', finalState: observed.state, cloudCode: null, cloudMessage: null }
  return unknown('the stop is not visible in the current state', observed.state)
}

/**
 * How long an intent owned by a live replica may stay open before it counts as stuck (its outcome
 * write was lost): far beyond any upstream call with its timeouts and retries, and beyond the
 * stop-watch window. Only then may a reconciler settle another live replica's intent.
 */
export const OWNED_GRACE_MS = 15 * 60_000
/** A replica starting while another reconciles waits this long for it, then finds nothing left. */
export const RECONCILE_LOCK_WAIT_MS = 5_000

export interface ReconcileOptions {
  ownedGraceMs?: number
  lockWaitMs?: number
}

/**
 * Whether this reconciler may settle `intent`: its owner (`options.replica`) is not alive any more,
 * it has no owner (written before replicas were tracked, or by a single process without one), or it
 * has been open far longer than any action takes.
 */
export function isOrphaned(
  intent: AuditIntent,
  live: ReadonlySet<string>,
  nowMs: number,
  graceMs: number,
): boolean {
  const owner = intent.options.replica
  if (typeof owner !== 'string' || !live.has(owner)) return true
  return nowMs - Date.parse(intent.at) > graceMs
}

async function settleAll(deps: WorkloadServiceDeps, open: readonly AuditIntent[]): Promise<number> {
  for (const intent of open) {
    const s = await settle(deps, intent)
    await deps.ledger.recordOutcome({
      intentId: intent.id,
      outcome: s.outcome,
      httpStatus: null,
      cloudCode: s.cloudCode,
      cloudMessage: s.cloudMessage,
      upstreamRequestId: null,
      durationMs: null,
      finalState: s.finalState,
      timeToStopMs: null,
      source: 'reconciler',
    })
  }
  if (open.length > 0) deps.log.info({ count: open.length }, 'reconciled open audit intents')
  return open.length
}

/**
 * Reconciliation (at start-up and periodically): every intent left without an outcome by a process
 * that died mid-action gets one, based only on reading the workload's current state. Nothing is
 * ever re-sent. With several replicas it runs under one database-wide lock (two reconcilers never
 * settle the same intent twice) and leaves intents of live replicas alone: those are in flight.
 */
export async function reconcileOpenIntents(
  deps: WorkloadServiceDeps,
  opts: ReconcileOptions = {},
): Promise<number> {
  const { replica } = deps.ledger
  if (!replica) return settleAll(deps, await deps.ledger.openIntents())
  const graceMs = Math.max(opts.ownedGraceMs ?? OWNED_GRACE_MS, deps.stopWatch.timeoutMs)
  const settled = await replica.exclusive(
    async () => {
      // Open intents first, liveness second: an intent's owner was registered before writing it, so
      // an owner missing from the later live set has really gone.
      const open = await deps.ledger.openIntents()
      const live = open.length > 0 ? await replica.liveIds() : new Set<string>()
      const now = deps.clock.now().getTime()
      const orphans = open.filter((i) => isOrphaned(i, live, now, graceMs))
      if (orphans.length < open.length) {
        deps.log.debug(
          { inFlight: open.length - orphans.length },
          'open intents of live replicas left to them',
        )
      }
      return settleAll(deps, orphans)
    },
    { waitMs: opts.lockWaitMs ?? RECONCILE_LOCK_WAIT_MS },
  )
  if (settled === null) deps.log.info('another replica is reconciling; leaving it to that one')
  return settled ?? 0
}
