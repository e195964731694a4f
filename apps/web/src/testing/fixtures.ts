import type { SourceStatus, Workload } from '@ops-console/contracts'

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
