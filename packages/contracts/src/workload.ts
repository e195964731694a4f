import { z } from 'zod'

/** The five workload kinds ops-console can see and act on. */
export const WORKLOAD_KINDS = [
  'dataarts-job',
  'dataarts-script-instance',
  'codearts-build',
  'dli-flink-job',
  'modelarts-processor-version',
] as const
export const WorkloadKind = z.enum(WORKLOAD_KINDS)
export type WorkloadKind = z.infer<typeof WorkloadKind>

/** Normalized state; the raw cloud status is kept beside it. */
export const WORKLOAD_STATES = [
  'pending',
  'running',
  'stopping',
  'stopped',
  'succeeded',
  'failed',
  'deleting',
  'unknown',
] as const
export const WorkloadState = z.enum(WORKLOAD_STATES)
export type WorkloadState = z.infer<typeof WorkloadState>

/** States in which nothing more will happen without a new run. */
export const TERMINAL_STATES: readonly WorkloadState[] = ['stopped', 'succeeded', 'failed']
export const TRANSITIONAL_STATES: readonly WorkloadState[] = ['pending', 'stopping', 'deleting']

export const WorkloadAction = z.enum(['stop', 'delete'])
export type WorkloadAction = z.infer<typeof WorkloadAction>

/** Whether an action is allowed now for this user, and why not when it is not. */
export const ActionAvailability = z.object({
  allowed: z.boolean(),
  reason: z.string().optional(),
})
export type ActionAvailability = z.infer<typeof ActionAvailability>

export const LastAction = z.object({
  action: WorkloadAction,
  actor: z.string(),
  at: z.string(),
  reason: z.string(),
  outcome: z.string().optional(),
})
export type LastAction = z.infer<typeof LastAction>

/**
 * One workload, whatever service it lives in. `id` is unique within (kind, target) and is safe
 * in a URL path segment (see WorkloadIdParam). Ids that are "long" upstream stay strings.
 */
export const Workload = z.object({
  kind: WorkloadKind,
  target: z.string(),
  id: z.string(),
  name: z.string(),
  owner: z.string().nullable(),
  startedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  state: WorkloadState,
  rawStatus: z.string(),
  actions: z.object({ stop: ActionAvailability, delete: ActionAvailability }),
  lastAction: LastAction.nullable().optional(),
  /** Matches a protected pattern (config): only admins may stop or delete it. Absent = false. */
  protected: z.boolean().optional(),
  /** Kind-specific display fields (queue, job type, build number, task name ...). */
  extra: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
})
export type Workload = z.infer<typeof Workload>

/** Path-segment ids: letters, digits, `_`, `-`, and `:` joining composite ids. No dots, no `%`. */
export const WORKLOAD_ID_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9_:-]{0,199}$/
export const WorkloadIdParam = z.string().regex(WORKLOAD_ID_PATTERN, 'Not a valid workload id.')
export const TARGET_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/
export const TargetParam = z.string().regex(TARGET_NAME_PATTERN, 'Not a valid target name.')

/** A fan-out source: one (target, kind) pair; failures are reported per source, not per page. */
export const SourceStatus = z.object({
  target: z.string(),
  kind: WorkloadKind,
  ok: z.boolean(),
  count: z.number().int().nonnegative(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      cloudCode: z.string().optional(),
      requestId: z.string().optional(),
    })
    .optional(),
  fetchedAt: z.string(),
})
export type SourceStatus = z.infer<typeof SourceStatus>
