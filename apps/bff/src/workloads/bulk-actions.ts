import type { ActionResult, AuditIntent, SessionUser, WorkloadAction } from '@ops-console/contracts'
import { workloadKey, type WorkloadKey } from '../audit/types.js'
import { AppError } from '../lib/errors.js'
import {
  prepareAction,
  recordIntent,
  sendOne,
  type ActionRequest,
  type Prepared,
  type RequestMeta,
} from './action-core.js'
import type { BackgroundTasks } from './background.js'
import { describeUpstreamError } from './cloud-errors.js'
import { mapLimit } from './paginate.js'
import type { WorkloadServiceDeps } from './service-deps.js'
import type { SendOutcome, StopOptions } from './types.js'
import {
  acceptedResult,
  dispatch,
  failureError,
  failureResult,
  observeAfterStop,
} from './workload-actions.js'

export interface BulkItem {
  ref: WorkloadKey
  confirmName?: string
}

/** Refusals that mean "not eligible" (nothing was attempted) rather than "tried and failed". */
const SKIP_CODES = new Set([
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'ACTION_NOT_ALLOWED',
  'PROTECTED_WORKLOAD',
  'FORBIDDEN',
  'CONFIRMATION_MISMATCH',
])

function asAppError(err: unknown): AppError {
  return err instanceof AppError
    ? err
    : new AppError('INTERNAL', 'unexpected error', { cause: err })
}

/** Ready items whose adapter can stop many at once are grouped per (kind, target): one call each. */
function planSends(
  action: WorkloadAction,
  ready: { p: Prepared }[],
  opts: StopOptions,
): Map<Prepared, () => Promise<SendOutcome>> {
  const sends = new Map<Prepared, () => Promise<SendOutcome>>()
  const groups = new Map<string, Prepared[]>()
  for (const { p } of ready) {
    if (action === 'stop' && p.adapter.stopBatch) {
      const key = `${p.req.ref.kind}|${p.req.ref.target}`
      groups.set(key, [...(groups.get(key) ?? []), p])
    } else {
      sends.set(p, () => sendOne(p, opts))
    }
  }
  for (const members of groups.values()) {
    const first = members[0] as Prepared
    let shared: Promise<SendOutcome[]> | undefined
    const batch = () =>
      (shared ??= (first.adapter.stopBatch as NonNullable<Prepared['adapter']['stopBatch']>)
        .call(
          first.adapter,
          first.target,
          members.map((m) => m.req.ref.id),
          opts,
        )
        .catch((err: unknown) =>
          members.map((): SendOutcome => ({ ok: false, failure: describeUpstreamError(err) })),
        ))
    members.forEach((m, i) =>
      sends.set(
        m,
        async () =>
          (await batch())[i] ?? {
            ok: false,
            failure: describeUpstreamError(new Error('missing batch result')),
          },
      ),
    )
  }
  return sends
}

/**
 * Bulk stop/delete of an explicit list: one ActionResult per item, in order. Ineligible items are
 * 'skipped' with the reason; each eligible item gets its own intent (committed before anything
 * is sent) and outcome, even when several share one upstream batch call.
 */
export async function runBulkAction(
  deps: WorkloadServiceDeps,
  tasks: BackgroundTasks,
  actor: SessionUser,
  action: WorkloadAction,
  items: BulkItem[],
  common: { reason: string; triggerSavepoint?: boolean },
  meta: RequestMeta,
): Promise<ActionResult[]> {
  const results: (ActionResult | undefined)[] = Array.from(
    { length: items.length },
    () => undefined,
  )
  const seen = new Set<string>()
  const claimed: string[] = []
  const requests: ActionRequest[] = items.map((item) => ({
    action,
    ref: item.ref,
    ...common,
    ...(item.confirmName === undefined ? {} : { confirmName: item.confirmName }),
  }))

  try {
    const prepared = await mapLimit(requests, 8, async (req, i) => {
      const key = workloadKey(req.ref)
      if (seen.has(key)) {
        results[i] = failureResult(
          req,
          null,
          'skipped',
          new AppError('CONFLICT', 'listed more than once'),
        )
        return null
      }
      seen.add(key)
      if (!tasks.claim(key)) {
        results[i] = failureResult(
          req,
          null,
          'skipped',
          new AppError('CONFLICT', 'another stop or delete of this workload is in progress'),
        )
        return null
      }
      claimed.push(key)
      try {
        return { i, p: await prepareAction(deps, actor, req) }
      } catch (err) {
        const e = asAppError(err)
        results[i] = failureResult(req, null, SKIP_CODES.has(e.code) ? 'skipped' : 'failed', e)
        return null
      }
    })
    await sendPrepared(deps, tasks, actor, action, prepared, results, common, meta)
  } finally {
    for (const key of claimed) tasks.release(key)
  }
  return results.map(
    (r, i) =>
      r ??
      failureResult(
        requests[i] as ActionRequest,
        null,
        'failed',
        new AppError('INTERNAL', 'not processed'),
      ),
  )
}

/** Intents for every prepared item, then the upstream calls (batched where the kind allows). */
async function sendPrepared(
  deps: WorkloadServiceDeps,
  tasks: BackgroundTasks,
  actor: SessionUser,
  action: WorkloadAction,
  prepared: ({ i: number; p: Prepared } | null)[],
  results: (ActionResult | undefined)[],
  common: { reason: string; triggerSavepoint?: boolean },
  meta: RequestMeta,
): Promise<void> {
  // Intents one after another: each is committed before its item is sent; a ledger failure sends nothing.
  const ready: { i: number; p: Prepared; intent: AuditIntent }[] = []
  for (const entry of prepared) {
    if (!entry) continue
    try {
      ready.push({ ...entry, intent: await recordIntent(deps, actor, entry.p, meta) })
    } catch (err) {
      results[entry.i] = failureResult(entry.p.req, null, 'failed', asAppError(err))
    }
  }

  const opts =
    common.triggerSavepoint === undefined ? {} : { triggerSavepoint: common.triggerSavepoint }
  const sends = planSends(action, ready, opts)
  await mapLimit(ready, 8, async ({ i, p, intent }) => {
    const out = await dispatch(deps, tasks, intent, p, sends.get(p) ?? (() => sendOne(p, opts)))
    if (!out.ok) {
      results[i] = failureResult(p.req, intent.id, 'failed', failureError(out))
      return
    }
    // No re-read per item here (a bulk of hundreds would double its calls): shown as stopping.
    const seen = action === 'stop' ? { ...p, observed: await observeAfterStop(p, false) } : p
    results[i] = acceptedResult(deps, actor, seen, intent)
  })
}
