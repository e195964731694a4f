import type { WorkloadAction, WorkloadKind } from '@ops-console/contracts'

/**
 * One line per service saying what the verb does there, shown in every stop and delete dialog:
 * "stop" means different things (a schedule, a build, a savepoint-able stream). Sources: the
 * calls each BFF adapter makes (docs in ../shared/cloud-api.md §2–§5).
 */
export const ACTION_EXPLANATIONS: Record<WorkloadKind, Record<WorkloadAction, string>> = {
  'dataarts-job': {
    stop: 'Stops the whole DataArts job: a batch job’s schedule is switched off, a real-time job ends. Its single instances are not stopped one by one.',
    delete:
      'Deletes the DataArts job definition itself, with its schedule; the job’s past instances stay in DataArts.',
  },
  'dataarts-script-instance': {
    stop: 'Cancels this one execution of the script; the script itself and its other instances are untouched.',
    delete: 'DataArts cannot delete a script instance; it ends on its own.',
  },
  'codearts-build': {
    stop: 'Stops this one build run of the CodeArts build task; the task and its other builds are untouched.',
    delete: 'CodeArts cannot delete a single build; builds age out of the build history.',
  },
  'dli-flink-job': {
    stop: 'Cancels the DLI Flink job. With a savepoint, DLI first saves the job state so the job can be restarted from it.',
    delete: 'Deletes the DLI Flink job from DLI; it can no longer be started again.',
  },
  'modelarts-processor-version': {
    stop: 'Stops this version of the ModelArts data-processing task; the task and its other versions are untouched.',
    delete:
      'Deletes this version of the ModelArts data-processing task; the task and its other versions stay.',
  },
}

/** The bulk dialog names each kind it touches once. */
export function explanationsFor(kinds: Iterable<WorkloadKind>, action: WorkloadAction): string[] {
  return [...new Set(kinds)].map((k) => ACTION_EXPLANATIONS[k][action])
}
