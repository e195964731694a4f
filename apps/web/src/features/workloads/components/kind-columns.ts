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
    { label: 'Job type', keys: ['jobType'] },
    { label: 'Last instance', keys: ['lastInstanceStatus'] },
    { label: 'Priority', keys: ['priority'] },
  ],
  'dataarts-script-instance': [
    { label: 'Script', keys: ['scriptName'] },
    { label: 'Instance', keys: ['instanceId'] },
  ],
  'codearts-build': [
    { label: 'Build job', keys: ['jobName', 'jobId'] },
    { label: 'Build #', keys: ['buildNo'] },
  ],
  'dli-flink-job': [
    { label: 'Queue', keys: ['queue'] },
    { label: 'Job type', keys: ['jobType'] },
    { label: 'Savepoint', keys: ['hasSavepoint'] },
  ],
  'modelarts-processor-version': [
    { label: 'Task', keys: ['taskName', 'taskId'] },
    { label: 'Version', keys: ['versionName'] },
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
