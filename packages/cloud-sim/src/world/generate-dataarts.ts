import type { Rng } from '../prng.js'
import { HEX } from '../prng.js'
import { timeline } from './timeline.js'
import type {
  DataArtsProject,
  DlfInstance,
  DlfInstanceStatus,
  DlfJob,
  DlfJobStatus,
  Script,
  ScriptInstance,
} from './types.js'
import { DLF_BATCH_STATUSES, DLF_INSTANCE_STATUSES, DLF_REALTIME_STATUSES } from './types.js'
import { BATCH_SUFFIXES, LAYERS, OWNERS, RT_SUFFIXES, SCRIPT_TYPES, SUBJECTS } from './names.js'

const MIN = 60_000
const DAY = 86_400_000

/** Cycles through every status first, so each documented value exists even in tiny worlds. */
export function cycled<S>(rng: Rng, i: number, all: readonly S[], weighted: readonly S[]): S {
  return i < all.length ? (all[i] as S) : rng.pick(weighted)
}

export function uuidLike(rng: Rng): string {
  return `${rng.chars(8, HEX)}-${rng.chars(4, HEX)}-${rng.chars(4, HEX)}-${rng.chars(4, HEX)}-${rng.chars(12, HEX)}`
}

export interface IdCounter {
  next(): string
}

export function generateDataArts(
  rng: Rng,
  n: number,
  now: number,
  ids: IdCounter,
): DataArtsProject {
  const project: DataArtsProject = {
    jobs: new Map(),
    instances: new Map(),
    scripts: new Map(),
    scriptInstances: new Map(),
  }
  for (let i = 0; i < n; i++) {
    const realTime = i % 2 === 0
    const job = makeJob(rng, i >> 1, realTime, now, ids.next())
    project.jobs.set(job.name, job)
    const count = realTime ? 1 : rng.int(1, 3)
    for (let k = 0; k < count; k++) {
      const inst = makeInstance(rng, job, k, now, ids.next(), i + k)
      project.instances.set(inst.instanceId, inst)
    }
  }
  const scriptCount = Math.max(8, Math.ceil(n / 4))
  for (let i = 0; i < scriptCount; i++) {
    const script = makeScript(rng, i)
    project.scripts.set(script.name, script)
  }
  const scriptNames = [...project.scripts.keys()]
  for (let i = 0; i < Math.max(4, Math.ceil(n / 6)); i++) {
    const inst = makeScriptInstance(rng, i, rng.pick(scriptNames), now)
    project.scriptInstances.set(inst.instanceId, inst)
  }
  return project
}

function makeJob(rng: Rng, i: number, realTime: boolean, now: number, id: string): DlfJob {
  const subject = rng.pick(SUBJECTS)
  const layer = rng.pick(LAYERS)
  const suffix = rng.pick(realTime ? RT_SUFFIXES : BATCH_SUFFIXES)
  const name = `${layer}_${subject}_${suffix}_${String(i).padStart(3, '0')}`
  const createTime = now - rng.int(2, 300) * DAY
  const status: DlfJobStatus = realTime
    ? cycled(rng, i, DLF_REALTIME_STATUSES, ['NORMAL', 'NORMAL', 'NORMAL', 'STOPPED', 'EXCEPTION'])
    : cycled(rng, i, DLF_BATCH_STATUSES, ['SCHEDULING', 'SCHEDULING', 'STOPPED', 'PAUSED'])
  const since = now - rng.int(10, 5000) * MIN
  // Seeded transitional states resolve within minutes so a real-clock demo keeps changing.
  const t =
    status === 'STARTING'
      ? timeline<DlfJobStatus>('STARTING', since, {
          at: now + rng.int(5, 30) * MIN,
          status: 'NORMAL',
        })
      : status === 'STOPPING'
        ? timeline<DlfJobStatus>('STOPPING', since, {
            at: now + rng.int(5, 20) * MIN,
            status: 'STOPPED',
          })
        : timeline<DlfJobStatus>(status, since)
  const owner = rng.pick(OWNERS)
  const nodeTypes = realTime
    ? ['CDMJob', 'DLISQL', 'MRSFlinkJob']
    : ['HiveSQL', 'DWSSQL', 'Shell', 'DLISpark']
  const nodes = Array.from({ length: rng.int(1, 3) }, (_, k) => ({
    name: `node_${k + 1}`,
    type: rng.pick(nodeTypes),
  }))
  return {
    id,
    name,
    jobType: realTime ? 'REAL_TIME' : 'BATCH',
    owner,
    priority: rng.int(0, 2),
    createUser: owner,
    createTime,
    lastUpdateTime: createTime + rng.int(0, 100) * MIN,
    lastUpdateUser: rng.pick(OWNERS),
    directory: `/${layer}/${subject}`,
    nodes,
    scheduleType: realTime ? 'EXECUTE_ONCE' : rng.pick(['CRON', 'CRON', 'EVENT'] as const),
    timeline: t,
  }
}

function makeInstance(
  rng: Rng,
  job: DlfJob,
  k: number,
  now: number,
  instanceId: string,
  i: number,
): DlfInstance {
  const planTime = now - (k * 24 + rng.int(1, 20)) * 60 * MIN
  const status: DlfInstanceStatus =
    k > 0
      ? rng.pick(['success', 'success', 'fail', 'manual-stop'] as const)
      : cycled(rng, i, DLF_INSTANCE_STATUSES, ['success', 'success', 'running', 'fail', 'waiting'])
  const t =
    status === 'running'
      ? timeline<DlfInstanceStatus>('running', planTime, {
          at: now + rng.int(10, 90) * MIN,
          status: 'success',
        })
      : status === 'waiting'
        ? timeline<DlfInstanceStatus>(
            'waiting',
            planTime,
            { at: now + rng.int(5, 20) * MIN, status: 'running' },
            { at: now + rng.int(30, 90) * MIN, status: 'success' },
          )
        : timeline<DlfInstanceStatus>('running', planTime, {
            at: planTime + rng.int(2, 50) * MIN,
            status,
          })
  return {
    instanceId,
    jobName: job.name,
    jobId: job.id,
    planTime,
    submitTime: planTime - 1000,
    instanceType: job.jobType === 'REAL_TIME' ? 6 : rng.pick([0, 0, 0, 2, 5, 7]),
    version: rng.int(1, 9),
    timeline: t,
  }
}

function makeScript(rng: Rng, i: number): Script {
  const type = SCRIPT_TYPES[i % SCRIPT_TYPES.length] as string
  const subject = rng.pick(SUBJECTS)
  const shell = type === 'Shell'
  // Every eighth script carries a deliberate error, so FAILED executions are reproducible.
  const alwaysFails = i % 8 === 7
  return {
    name: `${type.toLowerCase()}_${subject}_${alwaysFails ? 'broken' : 'query'}_${String(i).padStart(2, '0')}`,
    type,
    content: shell
      ? `echo "refresh ${subject} \${bizdate}"`
      : `SELECT * FROM ${subject} WHERE dt = '\${bizdate}' LIMIT 100`,
    directory: `/scripts/${subject}`,
    connectionName: shell ? '' : `${type.toLowerCase()}_link`,
    database: shell ? '' : `db_${subject}`,
    queueName: type === 'DLISQL' ? 'default' : '',
    description: `Ad-hoc ${type} script for ${subject}`,
    alwaysFails,
  }
}

function makeScriptInstance(rng: Rng, i: number, scriptName: string, now: number): ScriptInstance {
  const createdAt = now - rng.int(1, 600) * MIN
  const phase = i % 4
  const end = phase < 2 ? now + rng.int(5, 30) * MIN : createdAt + rng.int(1, 5) * MIN
  const finalStatus = phase === 3 ? 'FAILED' : 'FINISHED'
  const t =
    phase === 0
      ? timeline<ScriptInstance['timeline']['steps'][number]['status']>(
          'LAUNCHING',
          createdAt,
          { at: now + rng.int(2, 5) * MIN, status: 'RUNNING' },
          { at: end, status: 'FINISHED' },
        )
      : timeline<ScriptInstance['timeline']['steps'][number]['status']>(
          'LAUNCHING',
          createdAt,
          { at: createdAt + 2000, status: 'RUNNING' },
          { at: end, status: finalStatus },
        )
  return { instanceId: uuidLike(rng), scriptName, createdAt, timeline: t, stoppedByUser: false }
}
