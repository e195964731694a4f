import type { SourceStatus, Workload, WorkloadAuditEntry } from '@ops-console/contracts'

let seq = 0

/** A running, stoppable workload; override what the test is about. */
export function makeWorkload(overrides: Partial<Workload> = {}): Workload {
  seq++
  return {
    kind: 'dli-flink-job',
    target: 'prod-eu',
    id: `10000${seq}`,
    name: `job-${seq}`,
    owner: 'alice',
    startedAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:05:00.000Z',
    state: 'running',
    rawStatus: 'job_running',
    actions: { stop: { allowed: true }, delete: { allowed: true } },
    lastAction: null,
    extra: {},
    ...overrides,
  }
}

export function makeSource(overrides: Partial<SourceStatus> = {}): SourceStatus {
  return {
    target: 'prod-eu',
    kind: 'dli-flink-job',
    ok: true,
    count: 1,
    fetchedAt: '2026-11-25T10:05:00.000Z',
    ...overrides,
  }
}

/** A pending stop intent in the audit view; override what the test is about. */
export function makeAuditAction(
  i: number | string,
  overrides: Partial<WorkloadAuditEntry> = {},
): WorkloadAuditEntry {
  return {
    type: 'action',
    id: `e${i}`,
    at: '2026-11-25T10:00:00.000Z',
    action: 'workload.stop',
    actor: 'otto',
    role: 'operator',
    sourceIp: '10.0.0.1',
    userAgent: 'test',
    requestId: `req-${i}`,
    reason: `reason ${i}`,
    kind: 'dli-flink-job',
    target: 'prod-eu',
    workloadId: `${i}`,
    workloadName: `job-${i}`,
    stateBefore: 'running',
    options: {},
    outcome: null,
    finalState: null,
    timeToStopMs: null,
    httpStatus: null,
    upstreamRequestId: null,
    ...overrides,
  }
}
