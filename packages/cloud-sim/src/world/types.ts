import type { Rng } from '../prng.js'
import type { Timeline } from './timeline.js'

export type DlfJobType = 'REAL_TIME' | 'BATCH'
export const DLF_REALTIME_STATUSES = [
  'STARTING',
  'NORMAL',
  'EXCEPTION',
  'STOPPING',
  'STOPPED',
] as const
export const DLF_BATCH_STATUSES = ['SCHEDULING', 'STOPPED', 'PAUSED'] as const
export type DlfJobStatus =
  (typeof DLF_REALTIME_STATUSES)[number] | (typeof DLF_BATCH_STATUSES)[number]
export const DLF_INSTANCE_STATUSES = [
  'waiting',
  'running',
  'success',
  'fail',
  'running-exception',
  'pause',
  'manual-stop',
] as const
export type DlfInstanceStatus = (typeof DLF_INSTANCE_STATUSES)[number]
export type ScriptStatus = 'LAUNCHING' | 'RUNNING' | 'FINISHED' | 'FAILED'

export interface DlfJob {
  id: string
  name: string
  jobType: DlfJobType
  owner: string
  priority: number
  createUser: string
  createTime: number
  lastUpdateTime: number
  lastUpdateUser: string
  directory: string
  nodes: { name: string; type: string }[]
  scheduleType: 'CRON' | 'EXECUTE_ONCE' | 'EVENT'
  timeline: Timeline<DlfJobStatus>
}

export interface DlfInstance {
  instanceId: string
  jobName: string
  jobId: string
  planTime: number
  submitTime: number
  instanceType: number
  version: number
  timeline: Timeline<DlfInstanceStatus>
}

export interface Script {
  name: string
  type: string
  content: string
  directory: string
  connectionName: string
  database: string
  queueName: string
  description: string
  /** Demo scripts with a deliberate error: every execution ends FAILED. */
  alwaysFails: boolean
}

export interface ScriptInstance {
  instanceId: string
  scriptName: string
  createdAt: number
  timeline: Timeline<ScriptStatus>
  stoppedByUser: boolean
}

export interface DataArtsProject {
  jobs: Map<string, DlfJob>
  instances: Map<string, DlfInstance>
  scripts: Map<string, Script>
  scriptInstances: Map<string, ScriptInstance>
}

/** CodeArts build results are not enumerated upstream (§3.5): RUNNING/SUCCESS/FAILURE/ABORTED are our choice. */
export const CB_RESULTS = ['RUNNING', 'SUCCESS', 'FAILURE', 'ABORTED'] as const
export type CbResult = (typeof CB_RESULTS)[number]

export interface CbBuild {
  buildNo: number
  startTime: number
  dailyBuildNo: string
  triggerType: 'MANUAL' | 'SCHEDULED' | 'CODE_UPDATE' | 'PIPELINE'
  executor: string
  commitId: string
  timeline: Timeline<CbResult>
}

export interface CbJob {
  id: string
  projectId: string
  region: string
  name: string
  creator: string
  repoName: string
  branch: string
  healthScore: number
  disabled: boolean
  createTime: number
  builds: CbBuild[]
}

export const DLI_STATUSES = [
  'job_init',
  'job_submitting',
  'job_submit_fail',
  'job_running',
  'job_running_exception',
  'job_downloading',
  'job_idle',
  'job_canceling',
  'job_cancel_success',
  'job_cancel_fail',
  'job_savepointing',
  'job_arrearage_stopped',
  'job_arrearage_recovering',
  'job_finish',
] as const
export type DliStatus = (typeof DLI_STATUSES)[number]

export interface DliJob {
  jobId: string
  name: string
  desc: string
  userName: string
  jobType: string
  queueName: string
  createTime: number
  /** 0 = never started. */
  startTime: number
  runMode: string
  sqlBody: string
  cuNumber: number
  parallelNumber: number
  restartTimes: number
  savepointPath: string | null
  timeline: Timeline<DliStatus>
}

/** ModelArts processor statuses are integers: 0 init, 1 running, 2 completed, 3 failed, 4 stopped. */
export type MaStatus = 0 | 1 | 2 | 3 | 4

export interface MaVersion {
  versionId: string
  versionName: string
  description: string
  createTime: number
  counters: { origin: number; add: number; deleted: number; modified: number; unmodified: number }
  timeline: Timeline<MaStatus>
}

export interface MaTask {
  taskId: string
  name: string
  description: string
  taskType: string
  createTime: number
  source: string
  sourceType: string
  workPath: string
  versions: MaVersion[]
}

export interface Project {
  id: string
  region: string
  /** IAM project name: the region id, or `<region>_<suffix>` for a sub-project. */
  name: string
}

export interface CodeArtsProject {
  id: string
  region: string
  name: string
}

export interface World {
  projects: Project[]
  workspaceId: string
  codeartsProjects: CodeArtsProject[]
  dataarts: Map<string, DataArtsProject>
  dli: Map<string, Map<string, DliJob>>
  modelarts: Map<string, Map<string, MaTask>>
  codearts: Map<string, CbJob>
  /** Drives ids created at run time (executions, new builds), so they are reproducible too. */
  rng: Rng
  /** Epoch ms the world was generated at. */
  anchor: number
}
