import type { Rng } from '../prng.js'
import { MA_SOURCE_TYPES, MA_TASK_TYPES, SUBJECTS } from './names.js'
import { timeline } from './timeline.js'
import type { MaStatus, MaTask, MaVersion } from './types.js'

const MIN = 60_000
const DAY = 86_400_000
const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

/** About `n` versions spread over tasks with 1–4 versions each; latest versions cycle 0..4. */
export function generateModelArts(rng: Rng, n: number, now: number): Map<string, MaTask> {
  const tasks = new Map<string, MaTask>()
  let made = 0
  for (let i = 0; made < n; i++) {
    const subject = rng.pick(SUBJECTS)
    const taskType = MA_TASK_TYPES[i % MA_TASK_TYPES.length] as string
    const createTime = now - rng.int(1, 120) * DAY
    const task: MaTask = {
      taskId: rng.chars(20, ID_CHARS),
      name: `${taskType.replace('sys_data_', '')}-${subject}-${String(i).padStart(3, '0')}`,
      description: `Processing of ${subject} samples`,
      taskType,
      createTime,
      source: `/ml-datasets/${subject}/raw/`,
      sourceType: rng.pick(MA_SOURCE_TYPES),
      workPath: `/ml-output/${subject}/`,
      versions: [],
    }
    const count = Math.min(rng.int(1, 4), n - made)
    for (let v = 0; v < count; v++) {
      const latest = v === count - 1
      const status: MaStatus = latest ? ((i % 5) as MaStatus) : rng.pick([2, 2, 3, 4] as const)
      task.versions.push(makeVersion(rng, v, status, createTime + v * DAY, now))
    }
    made += count
    tasks.set(task.taskId, task)
  }
  return tasks
}

function makeVersion(
  rng: Rng,
  v: number,
  status: MaStatus,
  createTime: number,
  now: number,
): MaVersion {
  const origin = rng.int(500, 50_000)
  const since = Math.min(createTime + rng.int(1, 30) * MIN, now - MIN)
  const t =
    status === 1
      ? timeline<MaStatus>(1, since, { at: now + rng.int(30, 240) * MIN, status: 2 })
      : status === 0
        ? timeline<MaStatus>(0, since)
        : timeline<MaStatus>(1, since, { at: since + rng.int(5, 120) * MIN, status })
  return {
    versionId: rng.chars(20, ID_CHARS),
    versionName: `V${String(v + 1).padStart(3, '0')}`,
    description: v === 0 ? 'initial run' : `re-run ${v}`,
    createTime,
    counters: {
      origin,
      add: rng.int(0, 500),
      deleted: rng.int(0, 300),
      modified: rng.int(0, 800),
      unmodified: origin - rng.int(0, 300),
    },
    timeline: t,
  }
}
