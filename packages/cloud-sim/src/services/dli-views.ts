import type { JsonInput } from '@ops-console/lossless-json'
import { longNumber } from '@ops-console/lossless-json'
import { currentStep } from '../world/timeline.js'
import type { DliJob, DliStatus } from '../world/types.js'

export const DLI_ACTIVE: readonly DliStatus[] = [
  'job_running',
  'job_submitting',
  'job_downloading',
  'job_idle',
  'job_savepointing',
  'job_canceling',
  'job_arrearage_recovering',
]
const STATUS_DESC: Partial<Record<DliStatus, string>> = {
  job_running_exception: 'Job failed: TaskManager lost, restart attempts exhausted.',
  job_submit_fail: 'Submission failed: queue resources are insufficient.',
  job_cancel_fail: 'Stopping the job failed: savepoint could not be completed in time.',
  job_arrearage_stopped: 'The job is stopped because the account is in arrears.',
}

/** Compares decimal id strings numerically (they may exceed 2^53). */
export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0
}

export function dliListItem(job: DliJob, now: number): Record<string, JsonInput> {
  const step = currentStep(job.timeline, now)
  const status = step.status
  const startTime = job.startTime > now ? 0 : job.startTime
  const endedAt = DLI_ACTIVE.includes(status) ? now : step.at
  return {
    job_id: longNumber(job.jobId),
    name: job.name,
    desc: job.desc,
    user_name: job.userName,
    job_type: job.jobType,
    status,
    status_desc: STATUS_DESC[status] ?? '',
    create_time: job.createTime,
    start_time: startTime,
    duration: startTime === 0 ? 0 : Math.max(0, endedAt - startTime),
    root_id: -1,
    graph_editor_enabled: false,
    has_savepoint: job.savepointPath !== null,
    queue_name: job.queueName,
    restart_times: job.restartTimes,
  }
}

export function dliDetail(
  job: DliJob,
  now: number,
  projectId: string,
  userId: string,
): Record<string, JsonInput> {
  const step = currentStep(job.timeline, now)
  return {
    ...dliListItem(job, now),
    user_id: userId,
    project_id: projectId,
    sql_body: job.sqlBody,
    savepoint_path: job.savepointPath,
    run_mode: job.runMode,
    main_class: job.jobType === 'flink_jar_job' ? 'com.example.stream.Main' : null,
    entrypoint_args: null,
    execution_graph: null,
    update_time: Math.max(step.at, job.createTime),
    job_config: {
      checkpoint_enabled: true,
      checkpoint_mode: 'exactly_once',
      checkpoint_interval: 60,
      log_enabled: true,
      obs_bucket: 'dli-job-logs',
      root_id: -1,
      manager_cu_number: 1,
      cu_number: job.cuNumber,
      parallel_number: job.parallelNumber,
      restart_when_exception: true,
      idle_state_retention: 3600,
      dirty_data_strategy: '0',
      entrypoint: job.jobType === 'flink_jar_job' ? `obs://dli-jars/${job.name}.jar` : null,
      dependency_jars: [],
      dependency_files: [],
      tm_cus: 1,
      tm_slot_num: job.parallelNumber,
    },
  }
}
