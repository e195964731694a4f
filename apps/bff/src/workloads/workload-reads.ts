import {
  parseWorkloadId,
  WORKLOAD_ID_FORMATS,
  WORKLOAD_ID_PATTERN,
  WORKLOAD_KINDS,
  type LastAction,
  type ListQuery,
  type Role,
  type SessionUser,
  type Workload,
  type WorkloadDetail,
  type WorkloadKind,
  type WorkloadList,
  type WorkloadOverview,
} from '@ops-console/contracts'
import { workloadKey, type WorkloadKey } from '../audit/types.js'
import { AppError } from '../lib/errors.js'
import { computeActions } from './actions.js'
import { upstreamAppError } from './cloud-errors.js'
import { createFanOut } from './fan-out.js'
import { applyListQuery } from './list-query.js'
import { answerOf, createListPageMemo } from './list-page-memo.js'
import { DEFAULT_SOURCE_TIMEOUT_MS, type WorkloadServiceDeps } from './service-deps.js'
import type { CloudTarget, KindAdapter, Observed } from './types.js'

/** Which actions this user may take on the workload now, and why not. */
export function availability(
  deps: WorkloadServiceDeps,
  o: Observed,
  role: Role,
): Workload['actions'] {
  const adapter = deps.adapters[o.kind]
  const stopBlocked = adapter.stopBlocked?.(o)
  return computeActions({
    kind: o.kind,
    state: o.state,
    role,
    isProtected: deps.isProtected({ target: o.target, name: o.name }),
    ...(adapter.deleteUnsupported ? { deleteUnsupported: adapter.deleteUnsupported } : {}),
    ...(stopBlocked ? { stopBlocked } : {}),
  })
}

/** Adds what depends on the viewer: which actions they may take now, and why not. */
export function present(
  deps: WorkloadServiceDeps,
  o: Observed,
  user: Pick<SessionUser, 'role'>,
): Workload {
  const { raw: _raw, ...rest } = o
  const workload: Workload = { ...rest, actions: availability(deps, o, user.role) }
  // Shown as a marker on the row and a warning in an admin's dialog.
  if (deps.isProtected({ target: o.target, name: o.name })) workload.protected = true
  return workload
}

/** Resolves (kind, target, id) to its adapter and target, or throws 400/404 before any cloud call. */
export function resolveRef(
  deps: WorkloadServiceDeps,
  ref: WorkloadKey,
): { adapter: KindAdapter; target: CloudTarget } {
  const adapter = deps.adapters[ref.kind]
  // The routes' schemas check this too; callers inside the BFF (batches, reconciliation) rely on it here.
  if (!WORKLOAD_ID_PATTERN.test(ref.id) || !parseWorkloadId(ref.kind, ref.id)) {
    const message = `Not a valid id for this kind of workload (expected ${WORKLOAD_ID_FORMATS[ref.kind]}).`
    throw new AppError('VALIDATION_FAILED', `Id: ${message}`, { fields: { id: message } })
  }
  const target = deps.targets.find((t) => t.name === ref.target)
  if (!target) throw new AppError('NOT_FOUND', `unknown target '${ref.target}'`)
  if (!adapter.appliesTo(target))
    throw new AppError('NOT_FOUND', `${ref.kind} is not available on target '${ref.target}'`)
  return { adapter, target }
}

/** Reads one workload or throws NOT_FOUND / UPSTREAM_*. */
export async function readOne(deps: WorkloadServiceDeps, ref: WorkloadKey): Promise<Observed> {
  const { adapter, target } = resolveRef(deps, ref)
  let observed: Observed | null
  try {
    observed = await adapter.get(target, ref.id)
  } catch (err) {
    throw upstreamAppError(err)
  }
  if (!observed)
    throw new AppError('NOT_FOUND', `${ref.kind} '${ref.id}' not found on '${ref.target}'`)
  return observed
}

async function withLastActions(deps: WorkloadServiceDeps, items: Workload[]): Promise<Workload[]> {
  if (items.length === 0) return items
  const last = await deps.ledger.lastActions(
    items.map((w) => ({ kind: w.kind, target: w.target, id: w.id })),
  )
  return items.map((w) => ({ ...w, lastAction: last.get(workloadKey(w)) ?? null }))
}

export function createWorkloadReads(deps: WorkloadServiceDeps) {
  const fanOut = createFanOut(deps.adapters, {
    timeoutMs: deps.sourceTimeoutMs ?? DEFAULT_SOURCE_TIMEOUT_MS,
    now: () => deps.clock.now(),
    ...(deps.listCacheTtlMs === undefined ? {} : { cacheTtlMs: deps.listCacheTtlMs }),
  })
  const pages = createListPageMemo()
  const noActions = new Map<string, LastAction>()
  const fan = (kinds: readonly WorkloadKind[], target?: string) =>
    fanOut.read(target ? deps.targets.filter((t) => t.name === target) : deps.targets, kinds)

  return {
    /** One source through the shared cache (the live stream's pollers). */
    source: (target: CloudTarget, kind: WorkloadKind, maxAgeMs?: number) =>
      fanOut.readSource(target, kind, maxAgeMs),

    /** Forgets the cached listing of one source: the next read of it goes upstream. */
    invalidate: (target: string, kind: WorkloadKind): void => fanOut.invalidate(target, kind),

    /** Merged, filtered, sorted page over every source of `kind` ('all' = every kind). */
    async list(
      user: SessionUser,
      kind: WorkloadKind | 'all',
      query: ListQuery,
    ): Promise<WorkloadList> {
      const sources = await fan(kind === 'all' ? WORKLOAD_KINDS : [kind], query.target)
      const memo = pages.page(user.role, kind, query, sources, () =>
        applyListQuery(
          sources.flatMap((s) => s.items.map((o) => present(deps, o, user))),
          query,
        ),
      )
      const last = memo.refs.length === 0 ? noActions : await deps.ledger.lastActions(memo.refs)
      return answerOf(memo, last, (w, m) => m.get(workloadKey(w)) ?? null)
    },

    /** Counts by kind × state over every source, plus each source's health. */
    async overview(_user: SessionUser): Promise<WorkloadOverview> {
      const sources = await fan(WORKLOAD_KINDS)
      const counts = new Map<string, WorkloadOverview['counts'][number]>()
      for (const o of sources.flatMap((s) => s.items)) {
        const key = `${o.kind}|${o.state}`
        const entry = counts.get(key) ?? { kind: o.kind, state: o.state, count: 0 }
        entry.count++
        counts.set(key, entry)
      }
      return { counts: [...counts.values()], sources: sources.map((s) => s.status) }
    },

    async detail(user: SessionUser, ref: WorkloadKey): Promise<WorkloadDetail> {
      const observed = await readOne(deps, ref)
      const [workload] = await withLastActions(deps, [present(deps, observed, user)])
      return { workload: workload as Workload, raw: observed.raw }
    },
  }
}
