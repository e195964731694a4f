import { z } from 'zod'
import { ActionResult } from './api.js'
import { SourceStatus, TargetParam, Workload, WorkloadKind, WorkloadState } from './workload.js'

/** One configured cloud target (a project in a region) as shown to users. No credentials. */
export const TargetInfo = z.object({
  name: z.string(),
  region: z.string(),
  /** Kinds the BFF can list on this target (CodeArts needs CodeArts project ids). */
  kinds: z.array(WorkloadKind),
})
export type TargetInfo = z.infer<typeof TargetInfo>

/** `GET /api/targets` */
export const TargetList = z.object({ targets: z.array(TargetInfo), demoMode: z.boolean() })
export type TargetList = z.infer<typeof TargetList>

export const OverviewCount = z.object({
  kind: WorkloadKind,
  state: WorkloadState,
  count: z.number().int().nonnegative(),
})
export type OverviewCount = z.infer<typeof OverviewCount>

/** `GET /api/workloads/overview` */
export const WorkloadOverview = z.object({
  counts: z.array(OverviewCount),
  sources: z.array(SourceStatus),
})
export type WorkloadOverview = z.infer<typeof WorkloadOverview>

/** `GET /api/workloads/:kind/:target/:id` — `raw` holds the cloud's own fields (never credentials). */
export const WorkloadDetail = z.object({
  workload: Workload,
  raw: z.record(z.string(), z.unknown()),
})
export type WorkloadDetail = z.infer<typeof WorkloadDetail>

/** `POST /api/workloads/bulk/stop` and `/bulk/delete` */
export const BulkActionResult = z.object({ results: z.array(ActionResult) })
export type BulkActionResult = z.infer<typeof BulkActionResult>

/** A DataArts script instance tracked by the BFF (the cloud has no call that lists them). */
export const ScriptInstance = z.object({
  target: z.string(),
  scriptName: z.string(),
  instanceId: z.string(),
  /** Workload id of the instance: `{scriptName}:{instanceId}`. */
  id: z.string(),
  registeredBy: z.string(),
  registeredAt: z.string(),
  lastStatus: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  state: WorkloadState,
})
export type ScriptInstance = z.infer<typeof ScriptInstance>

/** `GET /api/scripts/instances` */
export const ScriptInstanceList = z.object({ items: z.array(ScriptInstance) })
export type ScriptInstanceList = z.infer<typeof ScriptInstanceList>

/** `POST /api/scripts/:target/:scriptName/execute` and `POST /api/scripts/instances` */
export const ScriptInstanceResult = z.object({
  instance: ScriptInstance,
  auditId: z.string().nullable(),
})
export type ScriptInstanceResult = z.infer<typeof ScriptInstanceResult>

/** A DataArts script that can be executed (scripts have no status; their runs are script instances). */
export const ScriptSummary = z.object({
  target: z.string(),
  name: z.string(),
  /** `FlinkSQL`, `DLISQL`, `Shell`, ... as the cloud names it; null when it does not say. */
  type: z.string().nullable(),
  directory: z.string().nullable(),
  description: z.string().nullable(),
})
export type ScriptSummary = z.infer<typeof ScriptSummary>

/** `GET /api/scripts?target=` query. */
export const ScriptListQuery = z.strictObject({ target: TargetParam.optional() })
export type ScriptListQuery = z.infer<typeof ScriptListQuery>

/**
 * `GET /api/scripts`: every script of every target (or one), sorted by target then name. A target
 * whose listing failed appears in `sources` with ok:false (kind `dataarts-script-instance`).
 */
export const ScriptList = z.object({
  items: z.array(ScriptSummary),
  sources: z.array(SourceStatus),
})
export type ScriptList = z.infer<typeof ScriptList>

/** `GET /api/workloads/stream?kind=&target=` (Server-Sent Events); no filter = every source. */
export const WorkloadStreamQuery = z.strictObject({
  kind: WorkloadKind.optional(),
  target: TargetParam.optional(),
})
export type WorkloadStreamQuery = z.infer<typeof WorkloadStreamQuery>

/** `event: ready` — first event of a stream: what it covers and how often it polls. */
export const WorkloadStreamReady = z.object({
  sources: z.array(z.object({ target: z.string(), kind: WorkloadKind })),
  pollMs: z.number(),
  fastPollMs: z.number(),
  heartbeatMs: z.number(),
})
export type WorkloadStreamReady = z.infer<typeof WorkloadStreamReady>

/** `event: workloads` — what changed in one (target, kind) source since its previous poll. */
export const WorkloadChanges = z.object({
  target: z.string(),
  kind: WorkloadKind,
  /** New workloads and ones whose state, raw status or last action changed (full rows). */
  changed: z.array(Workload),
  /** Ids no longer listed by the source. */
  removed: z.array(z.string()),
  at: z.string(),
})
export type WorkloadChanges = z.infer<typeof WorkloadChanges>
