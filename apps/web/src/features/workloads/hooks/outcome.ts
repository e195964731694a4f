import { TERMINAL_STATES, type Workload, type WorkloadAction } from '@ops-console/contracts'

export type Outcome =
  { done: false } | { done: true; tone: 'success' | 'error' | 'info'; title: string; body?: string }

/** How long the UI waits for a stop/delete to show before calling it "not confirmed". */
export const CONFIRM_TIMEOUT_MS = 3 * 60_000

/**
 * The BFF's stop watcher records outcome `unknown` (final state `not-confirmed`) when no terminal
 * state showed within its timeout; `lastAction.outcome` carries that audit outcome.
 */
export function notConfirmed(outcome: string | undefined): boolean {
  return outcome === 'unknown' || (outcome !== undefined && /not.?confirmed/i.test(outcome))
}

/**
 * Decides, from the latest detail poll, whether an accepted action has finished. The BFF's watcher
 * records the outcome on `lastAction`; the normalized state is the fallback.
 */
export function evaluateOutcome(
  action: WorkloadAction,
  name: string,
  workload: Workload | undefined,
  /** The workload is no longer listed (a delete is done). */
  gone: boolean,
  elapsedMs: number,
  /** `lastAction.at` of our own intent, so an older action's outcome is not mistaken for ours. */
  intentAt?: string,
): Outcome {
  if (action === 'delete' && gone) {
    return { done: true, tone: 'success', title: `Deleted ${name}` }
  }
  const mine =
    workload?.lastAction?.action === action && (!intentAt || workload.lastAction.at === intentAt)
  const last = mine ? workload.lastAction : null
  if (action === 'stop' && workload && TERMINAL_STATES.includes(workload.state)) {
    return { done: true, tone: 'success', title: `${name} is ${workload.state}` }
  }
  if (notConfirmed(last?.outcome)) {
    return {
      done: true,
      tone: 'info',
      title: `${action === 'stop' ? 'Stop' : 'Delete'} not confirmed`,
      body: `${name} did not confirm the ${action} yet. Check it in the cloud console.`,
    }
  }
  if (last?.outcome === 'failure') {
    return {
      done: true,
      tone: 'error',
      title: `${action === 'stop' ? 'Stop' : 'Delete'} failed for ${name}`,
      body: 'See the audit log for the cloud error.',
    }
  }
  if (elapsedMs > CONFIRM_TIMEOUT_MS) {
    return {
      done: true,
      tone: 'info',
      title: `${action === 'stop' ? 'Stop' : 'Delete'} not confirmed`,
      body: `${name} is still ${workload?.state ?? 'unknown'}.`,
    }
  }
  return { done: false }
}
