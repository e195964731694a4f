import type { Rng } from '../prng.js'
import { cycled } from './generate-dataarts.js'
import { DLI_JOB_TYPES, DLI_QUEUES, OWNERS, SUBJECTS } from './names.js'
import { timeline } from './timeline.js'
import type { Step } from './timeline.js'
import type { DliJob, DliStatus } from './types.js'
import { DLI_STATUSES } from './types.js'

const MIN = 60_000
const DAY = 86_400_000
/** 2^53 + 1: the first integer a double cannot hold. The client must carry it as a string. */
export const FIRST_UNSAFE_ID = 9007199254740993n

/** Seeded transitional states resolve to these after a few minutes (real-clock demos keep moving). */
const SETTLES_TO: Partial<Record<DliStatus, DliStatus>> = {
  job_submitting: 'job_running',
  job_canceling: 'job_cancel_success',
  job_savepointing: 'job_running',
  job_downloading: 'job_running',
  job_arrearage_recovering: 'job_running',
}
const NEVER_STARTED: readonly DliStatus[] = ['job_init', 'job_submitting', 'job_submit_fail']

/**
 * `bigIdBase` !== null gives this project ids above 2^53 for every tenth job (the first one is
 * exactly 2^53+1); the rest are ordinary six/seven-digit ids.
 */
export function generateDli(
  rng: Rng,
  n: number,
  now: number,
  idBase: number,
  bigIdBase: bigint,
): Map<string, DliJob> {
  const jobs = new Map<string, DliJob>()
  for (let i = 0; i < n; i++) {
    const jobId = i % 10 === 1 ? String(bigIdBase + BigInt(i)) : String(idBase + i * 7)
    const status: DliStatus = cycled<DliStatus>(rng, i, DLI_STATUSES, [
      'job_running',
      'job_running',
      'job_running',
      'job_cancel_success',
      'job_finish',
      'job_running_exception',
    ])
    const subject = rng.pick(SUBJECTS)
    const createTime = now - rng.int(1, 200) * DAY
    const since = now - rng.int(10, 3000) * MIN
    const next: Step<DliStatus>[] = []
    const settled = SETTLES_TO[status]
    if (settled) next.push({ at: now + rng.int(5, 20) * MIN, status: settled })
    const jobType = rng.pick(DLI_JOB_TYPES)
    jobs.set(jobId, {
      jobId,
      name: `${subject}_${jobType === 'flink_jar_job' ? 'jar' : 'sql'}_${String(i).padStart(4, '0')}`,
      desc: `Streaming ${subject} pipeline`,
      userName: rng.pick(OWNERS),
      jobType,
      queueName: rng.pick(DLI_QUEUES),
      createTime,
      // Active jobs started when their current status began; finished ones ran for a while before it.
      startTime: NEVER_STARTED.includes(status)
        ? 0
        : settled || status === 'job_running'
          ? since
          : since - rng.int(5, 600) * MIN,
      runMode: rng.pick(['shared_cluster', 'exclusive_cluster', 'exclusive_cluster', 'edge_node']),
      sqlBody:
        jobType === 'flink_jar_job'
          ? ''
          : `INSERT INTO sink_${subject} SELECT * FROM src_${subject};`,
      cuNumber: rng.int(2, 16),
      parallelNumber: rng.int(1, 8),
      restartTimes: rng.int(0, 3),
      savepointPath: rng.chance(0.3) ? `obs://dli-savepoints/${subject}/sp-${i}` : null,
      timeline: timeline<DliStatus>(status, since, ...next),
    })
  }
  return jobs
}
