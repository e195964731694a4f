import { z } from 'zod'
import { Role } from './roles.js'
import { WorkloadKind } from './workload.js'
import { freeText } from './free-text.js'

/** Audit event names are `resource.action`. */
export const AUDIT_ACTIONS = [
  'workload.stop',
  'workload.delete',
  'script.execute',
  'script.register',
] as const
export const AuditAction = z.enum(AUDIT_ACTIONS)
export type AuditAction = z.infer<typeof AuditAction>

export const AuditOutcome = z.enum(['success', 'failure', 'unknown'])
export type AuditOutcome = z.infer<typeof AuditOutcome>

/** Written and committed before anything is sent upstream. */
export const AuditIntent = z.object({
  id: z.string(),
  at: z.string(),
  action: AuditAction,
  actor: z.string(),
  role: Role,
  sourceIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string(),
  reason: z.string(),
  kind: WorkloadKind,
  target: z.string(),
  workloadId: z.string(),
  workloadName: z.string(),
  stateBefore: z.string().nullable(),
  options: z.record(z.string(), z.unknown()).default({}),
})
export type AuditIntent = z.infer<typeof AuditIntent>

/** Written after the upstream call (or by reconciliation/watching). */
export const AuditOutcomeRecord = z.object({
  intentId: z.string(),
  at: z.string(),
  outcome: AuditOutcome,
  httpStatus: z.number().nullable(),
  cloudCode: z.string().nullable(),
  cloudMessage: z.string().nullable(),
  upstreamRequestId: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** Observed final state after a stop, e.g. `stopped`, or `not-confirmed`. */
  finalState: z.string().nullable().optional(),
  timeToStopMs: z.number().nullable().optional(),
  source: z.enum(['request', 'watcher', 'reconciler']),
})
export type AuditOutcomeRecord = z.infer<typeof AuditOutcomeRecord>

/** One row of the audit view: an intent with its latest outcome, if any. */
export const AuditEntry = AuditIntent.extend({
  outcome: AuditOutcomeRecord.nullable(),
  finalState: z.string().nullable(),
  timeToStopMs: z.number().nullable(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const AuditQuery = z.object({
  actor: freeText(200).optional(),
  kind: WorkloadKind.optional(),
  action: AuditAction.optional(),
  outcome: z.enum(['success', 'failure', 'unknown', 'pending']).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  q: freeText(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})
export type AuditQuery = z.infer<typeof AuditQuery>
