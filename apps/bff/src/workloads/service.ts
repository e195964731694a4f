import type {
  ActionResult,
  DeleteBody,
  ListQuery,
  SessionUser,
  StopBody,
  WorkloadDetail,
  WorkloadKind,
  WorkloadList,
  WorkloadOverview,
} from '@ops-console/contracts'
import type { WorkloadKey } from '../audit/types.js'
import type { RequestMeta } from './action-core.js'
import { BackgroundTasks } from './background.js'
import { runBulkAction, type BulkItem } from './bulk-actions.js'
import { reconcileOpenIntents } from './reconcile.js'
import type { WorkloadServiceDeps } from './service-deps.js'
import { runSingleAction } from './workload-actions.js'
import { createWorkloadReads } from './workload-reads.js'
import { createWorkloadStream, type WorkloadStream } from './stream/workload-stream.js'

export type { RequestMeta } from './action-core.js'

/** The workloads half's one entry point: reads fan out over every target; actions are audited. */
export interface WorkloadService {
  list(user: SessionUser, kind: WorkloadKind | 'all', query: ListQuery): Promise<WorkloadList>
  overview(user: SessionUser): Promise<WorkloadOverview>
  detail(user: SessionUser, ref: WorkloadKey): Promise<WorkloadDetail>
  stop(
    actor: SessionUser,
    ref: WorkloadKey,
    body: StopBody,
    meta: RequestMeta,
  ): Promise<ActionResult>
  delete(
    actor: SessionUser,
    ref: WorkloadKey,
    body: DeleteBody,
    meta: RequestMeta,
  ): Promise<ActionResult>
  bulkStop(
    actor: SessionUser,
    items: BulkItem[],
    body: { reason: string; triggerSavepoint?: boolean },
    meta: RequestMeta,
  ): Promise<ActionResult[]>
  bulkDelete(
    actor: SessionUser,
    items: (BulkItem & { confirmName: string })[],
    body: { reason: string },
    meta: RequestMeta,
  ): Promise<ActionResult[]>
  /** Live changes for `GET /api/workloads/stream`: one shared poller per (target, kind). */
  stream: WorkloadStream
  /** Forgets the cached listing of one (target, kind) source; stops and deletes do it themselves. */
  invalidate(target: string, kind: WorkloadKind): void
  /** Start-up: settles intents a previous process left open, by reading state only. */
  reconcile(): Promise<number>
  /** Resolves when every detached upstream call and watcher has finished (shutdown, tests). */
  idle(): Promise<void>
  /** Shutdown, before the HTTP drain: ends every live event stream so it cannot hold the drain open. */
  closeStreams(): void
  /** Shutdown: ends stop watchers early (recorded as not-confirmed) and waits for in-flight calls. */
  close(): Promise<void>
}

export function createWorkloadService(deps: WorkloadServiceDeps): WorkloadService {
  const tasks = new BackgroundTasks((err) =>
    deps.log.error({ err }, 'background workload task failed'),
  )
  const reads = createWorkloadReads(deps)
  const stream = createWorkloadStream(deps, reads.source)
  /** Whatever the outcome (even unknown), the touched sources are read afresh next time. */
  const touching = <T>(refs: readonly WorkloadKey[], action: Promise<T>): Promise<T> =>
    action.finally(() => {
      const sources = new Map(refs.map((r) => [`${r.target}|${r.kind}`, r]))
      for (const r of sources.values()) reads.invalidate(r.target, r.kind)
    })
  return {
    ...reads,
    stream,
    stop: (actor, ref, body, meta) =>
      touching(
        [ref],
        runSingleAction(
          deps,
          tasks,
          actor,
          {
            action: 'stop',
            ref,
            reason: body.reason,
            ...(body.triggerSavepoint === undefined
              ? {}
              : { triggerSavepoint: body.triggerSavepoint }),
          },
          meta,
        ),
      ),
    delete: (actor, ref, body, meta) =>
      touching(
        [ref],
        runSingleAction(
          deps,
          tasks,
          actor,
          { action: 'delete', ref, reason: body.reason, confirmName: body.confirmName },
          meta,
        ),
      ),
    bulkStop: (actor, items, body, meta) =>
      touching(
        items.map((i) => i.ref),
        runBulkAction(deps, tasks, actor, 'stop', items, body, meta),
      ),
    bulkDelete: (actor, items, body, meta) =>
      touching(
        items.map((i) => i.ref),
        runBulkAction(deps, tasks, actor, 'delete', items, body, meta),
      ),
    reconcile: () => reconcileOpenIntents(deps),
    idle: () => tasks.idle(),
    closeStreams: () => stream.close(),
    close: () => {
      stream.close()
      return tasks.close()
    },
  }
}
