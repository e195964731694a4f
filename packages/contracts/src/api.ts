import { z } from 'zod'
import {
  WorkloadKind,
  WorkloadState,
  Workload,
  SourceStatus,
  WorkloadIdParam,
  TargetParam,
} from './workload.js'

// Sentence-case messages: the BFF returns them as the field's message in the error envelope.
const Reason = z
  .string()
  .trim()
  .min(3, 'Give a reason of at least 3 characters.')
  .max(500, 'Keep the reason to 500 characters or fewer.')

export const LoginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
})

export const StopBody = z.strictObject({
  reason: Reason,
  /** DLI only: trigger a savepoint before stopping. */
  triggerSavepoint: z.boolean().optional(),
})
export type StopBody = z.infer<typeof StopBody>

export const DeleteBody = z.strictObject({
  reason: Reason,
  /** The workload's exact name, typed by the operator as confirmation. */
  confirmName: z.string().min(1).max(300),
})
export type DeleteBody = z.infer<typeof DeleteBody>

export const WorkloadRef = z.strictObject({
  kind: WorkloadKind,
  target: TargetParam,
  id: WorkloadIdParam,
})
export type WorkloadRef = z.infer<typeof WorkloadRef>

export const BulkStopBody = z.strictObject({
  items: z.array(WorkloadRef).min(1).max(100),
  reason: Reason,
  triggerSavepoint: z.boolean().optional(),
})
export const BulkDeleteBody = z.strictObject({
  items: z
    .array(WorkloadRef.extend({ confirmName: z.string().min(1).max(300) }))
    .min(1)
    .max(100),
  reason: Reason,
})

export const ListQuery = z.object({
  state: z.union([WorkloadState, z.literal('active')]).optional(),
  target: TargetParam.optional(),
  q: z.string().max(200).optional(),
  sort: z
    .enum(['name', '-name', 'startedAt', '-startedAt', 'state', '-state', 'target', '-target'])
    .optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(20_000).default(500),
})
export type ListQuery = z.infer<typeof ListQuery>

export const WorkloadList = z.object({
  items: z.array(Workload),
  total: z.number().int(),
  sources: z.array(SourceStatus),
})
export type WorkloadList = z.infer<typeof WorkloadList>

export const ActionResult = z.object({
  ref: z.object({ kind: WorkloadKind, target: z.string(), id: z.string() }),
  ok: z.boolean(),
  auditId: z.string().nullable(),
  /** `accepted`: upstream took it; `skipped`: not eligible; `failed`: refused or errored. */
  status: z.enum(['accepted', 'skipped', 'failed']),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      cloudCode: z.string().optional(),
      requestId: z.string().optional(),
    })
    .optional(),
  workload: Workload.optional(),
})
export type ActionResult = z.infer<typeof ActionResult>

export const ExecuteScriptBody = z.strictObject({
  params: z.record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/), z.string().max(1000)).default({}),
  reason: Reason,
})
const NAME_RULE = 'Use 1–128 letters, digits, _ or -.'
export const RegisterScriptInstanceBody = z.strictObject({
  target: TargetParam,
  scriptName: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, NAME_RULE),
  instanceId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, NAME_RULE),
})
