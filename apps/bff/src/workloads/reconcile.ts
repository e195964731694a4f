import { TERMINAL_STATES, type AuditIntent } from '@ops-console/contracts'
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
  if (!adapter.validId(intent.workloadId))
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
 * Start-up reconciliation: every intent left without an outcome (the process died mid-action)
 * gets one, based only on reading the workload's current state. Nothing is ever re-sent.
 */
export async function reconcileOpenIntents(deps: WorkloadServiceDeps): Promise<number> {
  const open = await deps.ledger.openIntents()
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
