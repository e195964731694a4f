import {
  TERMINAL_STATES,
  type Workload,
  type WorkloadAction,
  type WorkloadKind,
} from '@ops-console/contracts'
import { capitalize, KIND_SINGULAR } from '../../../lib/format.js'

/** `done`: reached its end state; `failed`: the cloud refused; `unconfirmed`: no end state seen. */
export type OutcomeResult = 'done' | 'failed' | 'unconfirmed'
export type Outcome =
  | { done: false }
  | {
      done: true
      result: OutcomeResult
      tone: 'success' | 'error' | 'info'
      title: string
      body: string
    }

/** What an accepted action was about; toasts name all of it (one name may exist in two targets). */
export interface ActionSubject {
  action: WorkloadAction
  name: string
  kind: WorkloadKind
  target: string
}

/** How long the UI waits for a stop/delete to show before calling it "not confirmed". */
export const CONFIRM_TIMEOUT_MS = 3 * 60_000

/**
 * The BFF's stop watcher records outcome `unknown` (final state `not-confirmed`) when no terminal
 * state showed within its timeout; `lastAction.outcome` carries that audit outcome.
 */
export function notConfirmed(outcome: string | undefined): boolean {
  return outcome === 'unknown' || (outcome !== undefined && /not.?confirmed/i.test(outcome))
}

/** "DLI Flink job orders-etl" */
export function subjectName(s: Pick<ActionSubject, 'kind' | 'name'>): string {
  return `${capitalize(KIND_SINGULAR[s.kind])} ${s.name}`
}

/**
 * Decides, from the latest detail poll, whether an accepted action has finished. The BFF's watcher
 * records the outcome on `lastAction`; the normalized state is the fallback.
 */
export function evaluateOutcome(
  s: ActionSubject,
  workload: Workload | undefined,
  /** The workload is no longer listed (a delete is done). */
  gone: boolean,
  elapsedMs: number,
  /** `lastAction.at` of our own intent, so an older action's outcome is not mistaken for ours. */
  intentAt?: string,
): Outcome {
  const who = subjectName(s)
  const where = `In target ${s.target}.`
  const verb = s.action === 'stop' ? 'Stop' : 'Delete'
  if (s.action === 'delete' && gone) {
    return { done: true, result: 'done', tone: 'success', title: `${who} is deleted`, body: where }
  }
  const mine =
    workload?.lastAction?.action === s.action && (!intentAt || workload.lastAction.at === intentAt)
  const last = mine ? workload.lastAction : null
  if (s.action === 'stop' && workload && TERMINAL_STATES.includes(workload.state)) {
    const title = `${who} is ${workload.state}`
    return { done: true, result: 'done', tone: 'success', title, body: where }
  }
  const unconfirmed = (detail: string): Outcome => ({
    done: true,
    result: 'unconfirmed',
    tone: 'info',
    title: `${verb} of ${who} not confirmed`,
    body: `${where} ${detail}`,
  })
  if (notConfirmed(last?.outcome)) {
    return unconfirmed(`It did not confirm the ${s.action} yet; check it in the cloud console.`)
  }
  if (last?.outcome === 'failure') {
    const title = `${verb} of ${who} failed`
    const body = `${where} The audit log has the cloud error.`
    return { done: true, result: 'failed', tone: 'error', title, body }
  }
  if (elapsedMs > CONFIRM_TIMEOUT_MS) {
    return unconfirmed(`It is still ${workload?.state ?? 'in an unknown state'}.`)
  }
  return { done: false }
}
