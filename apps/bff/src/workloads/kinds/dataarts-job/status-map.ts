import type { WorkloadState } from '@ops-console/contracts'
import { lookupState } from '../../status-table.js'

export type DataArtsJobType = 'REAL_TIME' | 'BATCH'

/** cloud-api.md §2.1 (REAL_TIME job status). NORMAL means the streaming job runs. */
export const REAL_TIME_JOB_STATES: Readonly<Record<string, WorkloadState>> = {
  STARTING: 'pending',
  NORMAL: 'running',
  EXCEPTION: 'failed',
  STOPPING: 'stopping',
  STOPPED: 'stopped',
}

/**
 * cloud-api.md §2.1 (BATCH job status). A batch job's status describes its schedule, not a run:
 * SCHEDULING = the schedule is active (shown as running, so "stop" = stop the schedule);
 * STOPPED = schedule off; PAUSED = schedule suspended, nothing will fire, so also stopped.
 */
export const BATCH_JOB_STATES: Readonly<Record<string, WorkloadState>> = {
  SCHEDULING: 'running',
  STOPPED: 'stopped',
  PAUSED: 'stopped',
}

export function mapDataArtsJobStatus(
  jobType: DataArtsJobType,
  raw: string | null | undefined,
): WorkloadState {
  return lookupState(jobType === 'REAL_TIME' ? REAL_TIME_JOB_STATES : BATCH_JOB_STATES, raw)
}
