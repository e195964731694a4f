import type { WorkloadState } from '@ops-console/contracts'
import { lookupState } from '../../status-table.js'

/** cloud-api.md §2.11: LAUNCHING (being submitted), RUNNING, FINISHED (succeeded), FAILED. */
export const SCRIPT_INSTANCE_STATES: Readonly<Record<string, WorkloadState>> = {
  LAUNCHING: 'pending',
  RUNNING: 'running',
  FINISHED: 'succeeded',
  FAILED: 'failed',
}

/**
 * The spec documents no STOPPED/CANCELED value, so the status after a stop is unconfirmed. Our reading:
 * a stopped instance reports FAILED. When WE stopped it (the registry says so), FAILED is shown as 'stopped'.
 */
export function mapScriptInstanceStatus(
  raw: string | null | undefined,
  stoppedByUs = false,
): WorkloadState {
  const state = lookupState(SCRIPT_INSTANCE_STATES, raw)
  return state === 'failed' && stoppedByUs ? 'stopped' : state
}
