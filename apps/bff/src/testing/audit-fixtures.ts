import type { AuditEntry, AuditIntent, WorkloadAuditEntry } from '@ops-console/contracts'

/** A plausible intent; override what the test is about. */
export function intentInput(
  over: Partial<Omit<AuditIntent, 'id' | 'at'>> = {},
): Omit<AuditIntent, 'id' | 'at'> {
  return {
    action: 'workload.stop',
    actor: 'alice',
    role: 'operator',
    sourceIp: '10.0.0.7',
    userAgent: 'vitest',
    requestId: 'req-1',
    reason: 'runaway job',
    kind: 'dli-flink-job',
    target: 'prod-eu',
    workloadId: '1234567890123456789',
    workloadName: 'etl-orders',
    stateBefore: 'running',
    options: {},
    ...over,
  }
}

export const requestOutcome = (
  intentId: string,
  outcome: 'success' | 'failure' | 'unknown' = 'success',
) => ({
  intentId,
  outcome,
  httpStatus: outcome === 'success' ? 200 : 409,
  cloudCode: outcome === 'success' ? null : 'DLI.0001',
  cloudMessage: outcome === 'success' ? null : 'job not running',
  upstreamRequestId: 'up-1',
  durationMs: 42,
  source: 'request' as const,
})

/** Entries a test knows are workload actions (fails loudly on an account event). */
export function actionEntries(items: readonly AuditEntry[]): WorkloadAuditEntry[] {
  return items.map((e) => {
    if (e.type !== 'action') throw new Error(`expected a workload action, got ${e.action}`)
    return e
  })
}
