import type { JsonInput } from '@ops-console/lossless-json'
import { longNumber } from '@ops-console/lossless-json'
import { currentStep, reachedAt, statusAt } from '../world/timeline.js'
import type { DlfInstance, DlfInstanceStatus, DlfJob } from '../world/types.js'

/** Schedules have an end date; the console default is far in the future. */
const SCHEDULE_END = Date.UTC(2099, 11, 31, 15, 59, 59)
const FINISHED: readonly DlfInstanceStatus[] = [
  'success',
  'fail',
  'manual-stop',
  'running-exception',
]

export function latestInstance(instances: DlfInstance[], now: number): DlfInstance | undefined {
  let best: DlfInstance | undefined
  for (const i of instances)
    if (i.planTime <= now && (!best || i.planTime > best.planTime)) best = i
  return best
}

export function jobListItem(
  job: DlfJob,
  last: DlfInstance | undefined,
  now: number,
): Record<string, JsonInput | undefined> {
  const step = currentStep(job.timeline, now)
  const batch = job.jobType === 'BATCH'
  const lastTimes = last ? instanceTimes(last, now) : null
  return {
    name: job.name,
    jobType: job.jobType,
    owner: job.owner,
    priority: job.priority,
    status: step.status,
    createUser: job.createUser,
    createTime: job.createTime,
    startTime: batch ? job.createTime : (job.timeline.steps[0]?.at ?? job.createTime),
    endTime: batch ? SCHEDULE_END : step.status === 'STOPPED' ? step.at : 0,
    lastInstanceStatus: batch ? (last ? statusAt(last.timeline, now) : undefined) : undefined,
    lastInstanceEndTime: batch && lastTimes ? lastTimes.endTime : undefined,
    lastUpdateTime: job.lastUpdateTime,
    lastUpdateUser: job.lastUpdateUser,
    path: `${job.directory}/${job.name}`,
    singleNodeJobFlag: job.nodes.length === 1,
  }
}

export function jobDetail(job: DlfJob): Record<string, JsonInput | undefined> {
  return {
    name: job.name,
    nodes: job.nodes.map((n, k) => ({
      name: n.name,
      type: n.type,
      // The documented example prints coordinates as strings ("-45.5").
      location: { x: String(100 + k * 180), y: '120' },
      preNodeName: k === 0 ? [] : [job.nodes[k - 1]?.name ?? ''],
      properties: [{ name: 'scriptName', value: `${job.name}_${n.name}` }],
      pollingInterval: 20,
      maxExecutionTime: 360,
      retryTimes: 0,
      retryInterval: 120,
      failPolicy: 'FAIL',
    })),
    schedule:
      job.scheduleType === 'CRON'
        ? {
            type: 'CRON',
            cron: {
              startTime: new Date(job.createTime).toISOString().slice(0, 19) + '+08',
              expression: '0 0 2 * * ?',
              expressionTimeZone: 'GMT+08:00',
            },
          }
        : { type: job.scheduleType },
    params: [{ name: 'bizdate', value: '${yyyyMMdd}', type: 'variable' }],
    directory: job.directory,
    processType: job.jobType,
    id: longNumber(job.id),
    lastUpdateUser: job.lastUpdateUser,
    logPath: `obs://dlf-log-${job.owner}/${job.name}`,
    basicConfig: {
      owner: job.owner,
      priority: job.priority,
      executeUser: '',
      instanceTimeout: 0,
      customFields: {},
      // The table says a list; the documented example prints `{}`.
      tags: {},
      agency: '',
    },
  }
}

export function instanceTimes(
  inst: DlfInstance,
  now: number,
): { startTime: number; endTime: number; executeTime: number } {
  const startTime = reachedAt(inst.timeline, now, ['running']) ?? 0
  const endTime = reachedAt(inst.timeline, now, FINISHED) ?? 0
  const executeTime = startTime === 0 ? 0 : (endTime || now) - startTime
  return { startTime, endTime, executeTime }
}

export function instanceListItem(
  inst: DlfInstance,
  now: number,
): Record<string, JsonInput | undefined> {
  return {
    jobName: inst.jobName,
    jobId: longNumber(inst.jobId),
    jobInstanceName: `${inst.jobName}_${inst.planTime}`,
    status: statusAt(inst.timeline, now),
    planTime: inst.planTime,
    ...instanceTimes(inst, now),
    instanceId: longNumber(inst.instanceId),
    submitTime: inst.submitTime,
    instanceType: inst.instanceType,
    forceSuccess: false,
    ignoreSuccess: false,
    version: inst.version,
  }
}

export function instanceDetail(
  inst: DlfInstance,
  job: DlfJob | undefined,
  now: number,
): Record<string, JsonInput | undefined> {
  const status = statusAt(inst.timeline, now)
  const times = instanceTimes(inst, now)
  const nodes = job?.nodes ?? [{ name: 'node_1', type: 'HiveSQL' }]
  // Nodes share the instance status; node enum has no running-exception, so that maps to fail.
  const nodeStatus = status === 'running-exception' ? 'fail' : status
  return {
    jobName: inst.jobName,
    instanceId: longNumber(inst.instanceId),
    status,
    planTime: inst.planTime,
    ...times,
    forceSuccess: false,
    ignoreSuccess: false,
    total: nodes.length,
    nodes: nodes.map((n) => ({
      nodeName: n.name,
      status: nodeStatus,
      planTime: inst.planTime,
      startTime: times.startTime,
      endTime: times.endTime,
      type: n.type,
      retryTimes: 0,
      instanceId: longNumber(inst.instanceId),
      inputRowCount: 0,
      speed: 0,
      logPath: `obs://dlf-log/${inst.jobName}/${inst.instanceId}/${n.name}.log`,
    })),
  }
}

export function realtimeStatus(
  job: DlfJob,
  instance: DlfInstance | undefined,
  now: number,
): Record<string, JsonInput | undefined> {
  const step = currentStep(job.timeline, now)
  const running = step.status === 'NORMAL'
  return {
    name: job.name,
    status: step.status,
    startTime: job.timeline.steps[0]?.at ?? job.createTime,
    endTime: step.status === 'STOPPED' ? step.at : 0,
    lastUpdateTime: Math.max(step.at, job.lastUpdateTime),
    nodes: job.nodes.map((n) => ({
      name: n.name,
      status: step.status,
      logPath: `obs://dlf-log/${job.name}/${n.name}.log`,
      type: n.type,
      bufferRecords: 0,
      jobInstanceId: instance ? longNumber(instance.instanceId) : 0,
      // Capital L as in the documented example (§7 quirks).
      LastInstanceStatus: instance ? statusAt(instance.timeline, now) : 'success',
      speed: running ? 1250 : 0,
      totalGetBytes: 0,
      totalGetRecords: 0,
      totalPutBytes: 0,
      totalPutRecords: 0,
    })),
  }
}
