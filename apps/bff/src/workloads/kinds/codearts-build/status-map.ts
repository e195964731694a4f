import type { WorkloadState } from '@ops-console/contracts'
import { lookupState } from '../../status-table.js'

/**
 * cloud-api.md §3.4/§3.5: build results seen in examples are SUCCESS and FAILURE (docs show both
 * upper and lower case, e.g. ShowJobInfo's `success`, so we compare upper-cased). ABORTED, RUNNING
 * and QUEUED are named by the spec as likely but unconfirmed; we map them so a real value shows up
 * sensibly, and anything else is 'unknown'.
 */
export const CODEARTS_BUILD_STATES: Readonly<Record<string, WorkloadState>> = {
  SUCCESS: 'succeeded',
  FAILURE: 'failed',
  ABORTED: 'stopped',
  RUNNING: 'running',
  QUEUED: 'pending',
}

/**
 * `running` comes from the job's running status (§3.3), which only speaks about the newest build:
 * when it says running, that build is running whatever its (not yet final) history result says.
 */
export function mapCodeArtsBuildStatus(
  result: string | null | undefined,
  running = false,
): WorkloadState {
  if (running) return 'running'
  return lookupState(CODEARTS_BUILD_STATES, result?.toUpperCase())
}
