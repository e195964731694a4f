import type { JsonInput } from '@ops-console/lossless-json'
import { currentStep, statusAt } from '../world/timeline.js'
import type { MaStatus, MaTask, MaVersion } from '../world/types.js'

/** A task reports its latest version's status; a task without versions is still initialising (0). */
export function taskStatus(task: MaTask, now: number): MaStatus {
  const latest = task.versions[task.versions.length - 1]
  return latest ? statusAt(latest.timeline, now) : 0
}

function durationSeconds(v: MaVersion, now: number): number {
  const start = v.timeline.steps[0]?.at ?? v.createTime
  const step = currentStep(v.timeline, now)
  const end = step.status === 0 || step.status === 1 ? now : step.at
  return Math.max(0, Math.round((end - start) / 1000))
}

const template = (task: MaTask): JsonInput => ({
  id: task.taskType,
  name: task.taskType.replace('sys_data_', 'data ').replace('_', ' '),
  operator_params: [{ name: 'do_validation', value: 'true' }],
})
// Dataset names and versions belong to DATASET inputs (the documented example); an OBS path has
// none, so the keys are left out rather than sent as null where the docs show strings.
const inputs = (task: MaTask): JsonInput => [{ type: task.sourceType, source: task.source }]
const workPath = (task: MaTask, v?: MaVersion): JsonInput => ({
  type: 'OBS',
  path: task.workPath,
  output_path: v ? `${task.workPath}${v.versionName}/` : task.workPath,
})

export function taskView(task: MaTask, now: number): Record<string, JsonInput | undefined> {
  const latest = task.versions[task.versions.length - 1]
  const status = taskStatus(task, now)
  return {
    task_id: task.taskId,
    name: task.name,
    description: task.description,
    create_time: task.createTime,
    duration_seconds: latest ? durationSeconds(latest, now) : 0,
    status,
    error_msg: status === 3 ? 'Processing failed: input contains corrupted images.' : undefined,
    result:
      status === 2 && task.taskType === 'sys_data_analyse'
        ? { features: ['brightness', 'aspect_ratio'] }
        : undefined,
    data_source: { type: task.sourceType, source: task.source },
    inputs: inputs(task),
    template: template(task),
    version_count: task.versions.length,
    version_id: latest?.versionId,
    version_name: latest?.versionName,
    work_path: workPath(task, latest),
    workspace_id: '0',
    is_current: true,
  }
}

export function versionView(task: MaTask, v: MaVersion, now: number): Record<string, JsonInput> {
  const step = currentStep(v.timeline, now)
  return {
    task_version_id: v.versionId,
    task_id: task.taskId,
    version_name: v.versionName,
    description: v.description,
    status: step.status,
    create_time: v.createTime,
    update_time: Math.max(step.at, v.createTime),
    duration_seconds: durationSeconds(v, now),
    inputs: inputs(task),
    work_path: workPath(task, v),
    template: template(task),
    origin_sample_count: v.counters.origin,
    add_sample_count: v.counters.add,
    deleted_sample_count: v.counters.deleted,
    modified_sample_count: v.counters.modified,
    unmodified_sample_count: v.counters.unmodified,
  }
}
