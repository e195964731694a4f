import { z } from 'zod'
import {
  WorkloadKind,
  WorkloadState,
  Workload,
  SourceStatus,
  WorkloadIdParam,
  TargetParam,
} from './workload.js'
import { freeText, plainText } from './free-text.js'
import { SCRIPT_INSTANCE_ID_PATTERN, SCRIPT_NAME_PATTERN } from './workload-ids.js'
import { refIssue, uniqueRefs } from './workload-ref-checks.js'

// Sentence-case messages: the BFF returns them as the field's message in the error envelope.
// Hidden characters are refused before trimming: trim() would silently drop a BOM (U+FEFF).
const Reason = z
  .string()
  .check(plainText)
  .trim()
  .min(3, 'Give a reason of at least 3 characters.')
  .max(500, 'Keep the reason to 500 characters or fewer.')
/** The workload's exact name, typed as confirmation: hidden characters can never match what was shown. */
const ConfirmName = freeText(300).min(1)

export const LoginBody = z.strictObject({
  username: freeText(100).min(1),
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
  confirmName: ConfirmName,
})
export type DeleteBody = z.infer<typeof DeleteBody>

const refShape = { kind: WorkloadKind, target: TargetParam, id: WorkloadIdParam }

/** (kind, target, id) with the id checked against its kind's format (workload-ids.ts). */
export const WorkloadRef = z.strictObject(refShape).check(refIssue)
export type WorkloadRef = z.infer<typeof WorkloadRef>
/** The same check for route parameters (`/api/workloads/:kind/:target/:id`). */
export const WorkloadRefParams = z.object(refShape).check(refIssue)

export const BulkStopBody = z.strictObject({
  items: z.array(WorkloadRef).min(1).max(100).check(uniqueRefs),
  reason: Reason,
  triggerSavepoint: z.boolean().optional(),
})
export const BulkDeleteBody = z.strictObject({
  items: z
    .array(z.strictObject({ ...refShape, confirmName: ConfirmName }).check(refIssue))
    .min(1)
    .max(100)
    .check(uniqueRefs),
  reason: Reason,
})

export const ListQuery = z.object({
  state: z.union([WorkloadState, z.literal('active')]).optional(),
  target: TargetParam.optional(),
  q: freeText(200).optional(),
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
  params: z.record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/), freeText(1000)).default({}),
  reason: Reason,
})
const NAME_RULE = 'Use 1–128 letters, digits, _ or -.'
export const RegisterScriptInstanceBody = z.strictObject({
  target: TargetParam,
  scriptName: z.string().regex(SCRIPT_NAME_PATTERN, NAME_RULE),
  instanceId: z.string().regex(SCRIPT_INSTANCE_ID_PATTERN, NAME_RULE),
})
