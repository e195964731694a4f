import type { ProcessorTask, ProcessorTaskVersion } from '@ops-console/cloud-client'
import { parseModelArtsVersionId as parseVersionId } from '@ops-console/contracts'
import { mapLimit } from '../../paginate.js'
import {
  isoOrNull,
  type CloudTarget,
  type KindAdapter,
  type Observed,
  type ReadOptions,
} from '../../types.js'
import { orNull, rawOf } from '../not-found.js'
import { mapProcessorVersionStatus } from './status-map.js'

/** 4700 task missing, 4851 version missing; stop/show also list 404 (which one is used is unconfirmed). */
const NOT_FOUND = ['ModelArts.4700', 'ModelArts.4851']

function observe(
  target: CloudTarget,
  task: Pick<ProcessorTask, 'task_id' | 'name' | 'task_type'>,
  v: ProcessorTaskVersion,
): Observed {
  const taskName = task.name ?? task.task_id
  return {
    kind: 'modelarts-processor-version',
    target: target.name,
    id: `${task.task_id}:${v.task_version_id}`,
    name: `${taskName}/${v.version_name ?? v.task_version_id}`,
    owner: null,
    startedAt: isoOrNull(v.create_time),
    updatedAt: isoOrNull(v.update_time),
    state: mapProcessorVersionStatus(v.status),
    rawStatus: String(v.status),
    extra: {
      taskId: task.task_id,
      taskName,
      taskType: task.task_type ?? null,
      versionName: v.version_name ?? null,
      durationSeconds: v.duration_seconds ?? null,
    },
    raw: { ...rawOf(v), task_name: taskName },
  }
}

async function versionsOf(
  target: CloudTarget,
  task: ProcessorTask,
  opts: ReadOptions,
): Promise<Observed[]> {
  const { data } = await target.client.modelarts.listAllVersions(task.task_id, opts)
  return data.items.map((v) => observe(target, task, v))
}

/** ModelArts data-processing task versions (cloud-api.md §5): every version of every task. */
export const modelArtsVersionAdapter: KindAdapter = {
  kind: 'modelarts-processor-version',
  appliesTo: () => true,
  async list(target, opts) {
    const { data } = await target.client.modelarts.listAllTasks({}, opts)
    return (await mapLimit(data.items, 4, (task) => versionsOf(target, task, opts))).flat()
  },
  async get(target, id, opts = {}) {
    const ref = parseVersionId(id)
    if (!ref) return null
    const [task, version] = await Promise.all([
      orNull(() => target.client.modelarts.getTask(ref.taskId, opts), NOT_FOUND),
      orNull(() => target.client.modelarts.getVersion(ref.taskId, ref.versionId, opts), NOT_FOUND),
    ])
    if (!task || !version) return null
    return observe(target, task.data, version.data)
  },
  stop(target, id) {
    const ref = parseVersionId(id)
    if (!ref) throw new Error('invalid version id') // unreachable: validated before any call
    return target.client.modelarts.stopVersion(ref.taskId, ref.versionId)
  },
  delete(target, id) {
    const ref = parseVersionId(id)
    if (!ref) throw new Error('invalid version id') // unreachable: validated before any call
    return target.client.modelarts.deleteVersion(ref.taskId, ref.versionId)
  },
}
