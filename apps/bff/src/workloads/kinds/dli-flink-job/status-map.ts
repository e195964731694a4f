import type { WorkloadState } from '@ops-console/contracts'
import { lookupState } from '../../status-table.js'

/**
 * cloud-api.md §4.1, all 14 documented values. Readings that the docs do not spell out:
 * - job_init (draft, never submitted) is terminal per the spec's interpretation: shown as stopped.
 * - job_idle is NOT in the spec's terminal list, so it is treated as waiting (pending).
 * - job_cancel_fail: the stop did not take, the job keeps running; 'running' keeps stop retryable.
 * - job_savepointing: the job still runs while the savepoint is written.
 */
export const DLI_FLINK_JOB_STATES: Readonly<Record<string, WorkloadState>> = {
  job_init: 'stopped',
  job_submitting: 'pending',
  job_submit_fail: 'failed',
  job_running: 'running',
  job_running_exception: 'failed',
  job_downloading: 'pending',
  job_idle: 'pending',
  job_canceling: 'stopping',
  job_cancel_success: 'stopped',
  job_cancel_fail: 'running',
  job_savepointing: 'running',
  job_arrearage_stopped: 'stopped',
  job_arrearage_recovering: 'pending',
  job_finish: 'succeeded',
}

export function mapDliFlinkJobStatus(raw: string | null | undefined): WorkloadState {
  return lookupState(DLI_FLINK_JOB_STATES, raw)
}
