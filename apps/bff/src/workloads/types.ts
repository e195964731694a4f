import type { CloudClient, CloudResult } from '@ops-console/cloud-client'
import type { Workload, WorkloadKind, WorkloadState } from '@ops-console/contracts'
import type { UpstreamFailure } from './cloud-errors.js'

/** One configured target (a project in a region) with its own cloud client. */
export interface CloudTarget {
  name: string
  region: string
  projectId: string
  codeartsProjectIds: string[]
  client: CloudClient
}

/**
 * A workload as an adapter read it from the cloud. The service adds what depends on the viewer
 * (`actions`) and on the audit ledger (`lastAction`). `raw` holds the cloud's fields for the detail view.
 */
export interface Observed extends Omit<Workload, 'actions' | 'lastAction'> {
  state: WorkloadState
  raw: Record<string, unknown>
}

export interface StopOptions {
  /** DLI only. */
  triggerSavepoint?: boolean
}

/** Per-call limits for reads: the fan-out gives each source a deadline. */
export interface ReadOptions {
  signal?: AbortSignal
  timeoutMs?: number
}

/** One adapter per workload kind: everything kind-specific lives behind this interface. */
export interface KindAdapter {
  readonly kind: WorkloadKind
  /** Set when the cloud offers no such operation for the kind; the text tells the user why. */
  readonly deleteUnsupported?: string
  /** Whether this kind exists on the target at all (CodeArts needs CodeArts project ids). */
  appliesTo(target: CloudTarget): boolean
  list(target: CloudTarget, opts: ReadOptions): Promise<Observed[]>
  /** The current workload, or null when the cloud says it does not exist. */
  get(target: CloudTarget, id: string, opts?: ReadOptions): Promise<Observed | null>
  stop(target: CloudTarget, id: string, opts: StopOptions): Promise<CloudResult<unknown>>
  delete?(target: CloudTarget, id: string): Promise<CloudResult<unknown>>
  /**
   * Stops several workloads of one target with one upstream call (DLI batch stop). Resolves with
   * one outcome per id, in the order given; each item keeps its own audit rows.
   */
  stopBatch?(target: CloudTarget, ids: string[], opts: StopOptions): Promise<SendOutcome[]>
  /** Why stop is refused in this raw status although the normalized state would allow it. */
  stopBlocked?(observed: Observed): string | undefined
  /** True when the observed state says a stop was refused after being accepted (e.g. DLI job_cancel_fail). */
  stopFailed?(observed: Observed): boolean
}

/** The result of one upstream mutation, as the audit outcome needs it. */
export type SendOutcome =
  { ok: true; status: number; requestId: string | null } | { ok: false; failure: UpstreamFailure }

export type AdapterRegistry = Record<WorkloadKind, KindAdapter>

/** Epoch ms (or ISO string) → ISO string; 0, null and garbage → null. */
export function isoOrNull(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined || value === 0 || value === '') return null
  const date = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
