import type { Workload, WorkloadKind } from '@ops-console/contracts'
import type { ListScope } from '../api/workload-queries.js'

export interface ExtraColumn {
  label: string
  /** Candidate keys in `workload.extra`; the first present one is shown. */
  keys: string[]
}

/** Kind-specific columns drawn from `extra`, so each list shows what matters for that service. */
export const KIND_COLUMNS: Record<ListScope, ExtraColumn[]> = {
  all: [],
  'dataarts-job': [
    { label: 'Job type', keys: ['jobType', 'job_type'] },
    { label: 'Last instance', keys: ['lastInstanceStatus', 'instanceStatus', 'lastInstanceId', 'instanceId'] },
  ],
  'dataarts-script-instance': [
    { label: 'Script', keys: ['scriptName', 'script_name'] },
    { label: 'Instance', keys: ['instanceId', 'instance_id'] },
  ],
  'codearts-build': [
    { label: 'Project', keys: ['projectName', 'projectId', 'project_id'] },
    { label: 'Build #', keys: ['buildNo', 'buildNumber', 'build_no'] },
    { label: 'Branch', keys: ['branch', 'scmBranch'] },
  ],
  'dli-flink-job': [
    { label: 'Queue', keys: ['queueName', 'queue', 'queue_name'] },
    { label: 'Job type', keys: ['jobType', 'job_type'] },
    { label: 'Savepoint', keys: ['hasSavepoint', 'has_savepoint'] },
  ],
  'modelarts-processor-version': [
    { label: 'Task', keys: ['taskName', 'task_name', 'taskId'] },
    { label: 'Version', keys: ['versionName', 'version_name', 'versionId'] },
  ],
}

export function extraValue(w: Workload, col: ExtraColumn): string {
  for (const k of col.keys) {
    const v = w.extra[k]
    if (v === undefined || v === null || v === '') continue
    if (typeof v === 'boolean') return v ? 'yes' : 'no'
    return String(v)
  }
  return '—'
}

export function isKind(scope: ListScope): scope is WorkloadKind {
  return scope !== 'all'
}
