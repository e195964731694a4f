import { z } from 'zod'
import { Role } from './roles.js'
import { WorkloadKind } from './workload.js'
import { freeText } from './free-text.js'

/**
 * Audit event names are `resource.action`. Two shapes share one hash chain:
 * - workload actions: an intent (committed before anything is sent upstream) and its outcomes;
 * - account events (sign-in, sign-out, lockout, password change, user administration): one
 *   record each, complete when written, not tied to a workload.
 */
export const WORKLOAD_AUDIT_ACTIONS = [
  'workload.stop',
  'workload.delete',
  'script.execute',
  'script.register',
] as const
export const WorkloadAuditAction = z.enum(WORKLOAD_AUDIT_ACTIONS)
export type WorkloadAuditAction = z.infer<typeof WorkloadAuditAction>

export const ACCOUNT_AUDIT_ACTIONS = [
  /** A sign-in attempt; `outcome: 'failure'` is a failed sign-in. */
  'auth.login',
  'auth.logout',
  /** The login throttle started refusing an account or source. */
  'auth.lockout',
  /** A user changing their own password (failure: wrong current password). */
  'auth.password-change',
  'user.create',
  'user.set-role',
  'user.set-password',
  'user.disable',
  'user.enable',
  'user.unlock',
] as const
export const AccountAuditAction = z.enum(ACCOUNT_AUDIT_ACTIONS)
export type AccountAuditAction = z.infer<typeof AccountAuditAction>

export const AUDIT_ACTIONS = [...WORKLOAD_AUDIT_ACTIONS, ...ACCOUNT_AUDIT_ACTIONS] as const
export const AuditAction = z.enum(AUDIT_ACTIONS)
export type AuditAction = z.infer<typeof AuditAction>

export const AuditOutcome = z.enum(['success', 'failure', 'unknown'])
export type AuditOutcome = z.infer<typeof AuditOutcome>

/** Written and committed before anything is sent upstream. */
export const AuditIntent = z.object({
  id: z.string(),
  at: z.string(),
  action: WorkloadAuditAction,
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

/** An account event: who did what to which account, from where, and whether it worked. */
export const AuditEvent = z.object({
  id: z.string(),
  at: z.string(),
  action: AccountAuditAction,
  /** The signed-in user; the name typed at a failed sign-in; `cli:<os user>` for the users CLI. */
  actor: z.string(),
  /** The actor's role when known (null for failed sign-ins, lockouts and the CLI). */
  role: Role.nullable(),
  via: z.enum(['api', 'oidc', 'cli', 'system']),
  sourceIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The BFF request id (null outside a request: CLI, start-up). */
  requestId: z.string().nullable(),
  outcome: z.enum(['success', 'failure']),
  /** The account acted on (user administration, lockouts), when it is not the actor. */
  subject: z.string().nullable(),
  /** Small facts such as `{ role: 'operator' }` or `{ cause: 'invalid-credentials' }`; never secrets. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
})
export type AuditEvent = z.infer<typeof AuditEvent>

/** One workload action in the audit view: an intent with its latest outcome, if any. */
export const WorkloadAuditEntry = AuditIntent.extend({
  type: z.literal('action'),
  outcome: AuditOutcomeRecord.nullable(),
  finalState: z.string().nullable(),
  timeToStopMs: z.number().nullable(),
  /** HTTP status and cloud request id of the call that carried the action (latest known). */
  httpStatus: z.number().nullable(),
  upstreamRequestId: z.string().nullable(),
})
export type WorkloadAuditEntry = z.infer<typeof WorkloadAuditEntry>

export const AccountAuditEntry = AuditEvent.extend({ type: z.literal('event') })
export type AccountAuditEntry = z.infer<typeof AccountAuditEntry>

/** One row of the audit view. */
export const AuditEntry = z.discriminatedUnion('type', [WorkloadAuditEntry, AccountAuditEntry])
export type AuditEntry = z.infer<typeof AuditEntry>

export const AuditQuery = z.object({
  /** `workload`: intents with their outcomes only; `account`: account events only. */
  category: z.enum(['workload', 'account']).optional(),
  actor: freeText(200).optional(),
  kind: WorkloadKind.optional(),
  /** With `kind` and `workloadId`: the history of one workload. */
  target: z.string().max(200).optional(),
  workloadId: z.string().max(200).optional(),
  action: AuditAction.optional(),
  outcome: z.enum(['success', 'failure', 'unknown', 'pending']).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  /** Case-insensitive substring of actor, workload, reason, account, BFF and cloud request ids. */
  q: freeText(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})
export type AuditQuery = z.infer<typeof AuditQuery>
