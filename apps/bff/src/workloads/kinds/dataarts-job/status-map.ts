import type { WorkloadState } from '@ops-console/contracts'
import { lookupState } from '../../status-table.js'

export type DataArtsJobType = 'REAL_TIME' | 'BATCH'

/**
 * cloud-api.md §2.1 (REAL_TIME job status). NORMAL means the streaming job runs. The SDK's
 * ShowJobStatusResponse (huaweicloudsdkdgc v1) documents more values for the status call:
 * INIT (初始化) and ABNORMAL (运行异常/失败) have an obvious reading; PAUSE, DISABLE and OVERLOAD
 * do not say whether a stop applies, so they stay `unknown` (no action offered, raw value shown).
 */
export const REAL_TIME_JOB_STATES: Readonly<Record<string, WorkloadState>> = {
  STARTING: 'pending',
  INIT: 'pending',
  NORMAL: 'running',
  EXCEPTION: 'failed',
  ABNORMAL: 'failed',
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
