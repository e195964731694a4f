import type { ProcessorTask, ProcessorTaskVersion } from '@ops-console/cloud-client'
import { parseModelArtsVersionId as parseVersionId } from '@ops-console/contracts'
import { mapLimit, paginateAll } from '../../paginate.js'
import {
  isoOrNull,
  type CloudTarget,
  type KindAdapter,
  type Observed,
  type ReadOptions,
} from '../../types.js'
import { orNull, rawOf } from '../not-found.js'
import { mapProcessorVersionStatus } from './status-map.js'

const PAGE_SIZE = 100
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

/**
 * Offsets are read as record offsets: the docs call ModelArts `offset` a "start page" but whether
 * it counts pages or records is unconfirmed (cloud-api.md §8); records is what the simulator uses.
 */
function pageOffset(page: number): number {
  return page * PAGE_SIZE
}

async function versionsOf(
  target: CloudTarget,
  task: ProcessorTask,
  opts: ReadOptions,
): Promise<Observed[]> {
  const versions = await paginateAll(
    async (page) => {
      const { data } = await target.client.modelarts.listVersions(
        task.task_id,
        { offset: pageOffset(page), limit: PAGE_SIZE },
        opts,
      )
      return { items: data.versions, total: data.count }
    },
    { pageSize: PAGE_SIZE },
  )
  return versions.map((v) => observe(target, task, v))
}

/** ModelArts data-processing task versions (cloud-api.md §5): every version of every task. */
export const modelArtsVersionAdapter: KindAdapter = {
  kind: 'modelarts-processor-version',
  appliesTo: () => true,
  async list(target, opts) {
    const tasks = await paginateAll(
      async (page) => {
        const { data } = await target.client.modelarts.listTasks(
          { offset: pageOffset(page), limit: PAGE_SIZE },
          opts,
        )
        return { items: data.tasks, total: data.count }
      },
      { pageSize: PAGE_SIZE },
    )
    return (await mapLimit(tasks, 4, (task) => versionsOf(target, task, opts))).flat()
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
