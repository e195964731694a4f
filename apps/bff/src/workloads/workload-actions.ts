import {
  TERMINAL_STATES,
  type ActionResult,
  type AuditIntent,
  type SessionUser,
} from '@ops-console/contracts'
import { workloadKey } from '../audit/types.js'
import { AppError } from '../lib/errors.js'
import {
  prepareAction,
  recordIntent,
  recordRequestOutcome,
  sendOne,
  type ActionRequest,
  type Prepared,
  type RequestMeta,
} from './action-core.js'
import type { BackgroundTasks } from './background.js'
import type { WorkloadServiceDeps } from './service-deps.js'
import { watchStop } from './stop-watcher.js'
import type { Observed, SendOutcome } from './types.js'
import { present } from './workload-reads.js'

/**
 * Runs the upstream call for an intent that is already committed, detached from the HTTP request:
 * records the outcome, and for an accepted stop starts the watcher. `send` may be a shared batch call.
 */
export function dispatch(
  deps: WorkloadServiceDeps,
  tasks: BackgroundTasks,
  intent: AuditIntent,
  p: Prepared,
  send: () => Promise<SendOutcome>,
): Promise<SendOutcome> {
  const run = async (): Promise<SendOutcome> => {
    const sentAt = deps.clock.now().getTime()
    const started = performance.now()
    const out = await send()
    await recordRequestOutcome(deps, intent.id, out, Math.round(performance.now() - started))
    if (out.ok && p.req.action === 'stop')
      void tasks.track(watchStop(deps, intent.id, p, sentAt, tasks.shutdown))
    return out
  }
  return tasks.track(run())
}

/** Budget of the one re-read after an accepted stop: the answer must not wait long for it. */
const REREAD_TIMEOUT_MS = 2_000

/**
 * The workload as the UI should show it right after an accepted stop. The cloud often still
 * reports the old status for a moment, so unless it already says stopping (or finished), the
 * state is shown as `stopping`: the stop was accepted, and the watcher will confirm the end.
 * `reread` reads it once more (single stops); bulk results skip it to save one call per item.
 */
export async function observeAfterStop(p: Prepared, reread: boolean): Promise<Observed> {
  let fresh: Observed | null = null
  if (reread) {
    try {
      fresh = await p.adapter.get(p.target, p.req.ref.id, { timeoutMs: REREAD_TIMEOUT_MS })
    } catch {
      // The stop itself was accepted; a failed re-read only costs freshness.
    }
  }
  const seen = fresh ?? p.observed
  if (seen.state === 'stopping' || TERMINAL_STATES.includes(seen.state)) return seen
  return { ...seen, state: 'stopping' }
}

export function acceptedResult(
  deps: WorkloadServiceDeps,
  actor: SessionUser,
  p: Prepared,
  intent: AuditIntent,
): ActionResult {
  const workload = present(deps, p.observed, actor)
  const lastAction = {
    action: p.req.action,
    actor: actor.username,
    at: intent.at,
    reason: p.req.reason,
  }
  return {
    ref: p.req.ref,
    ok: true,
    auditId: intent.id,
    status: 'accepted',
    workload: { ...workload, lastAction },
  }
}

export function failureResult(
  req: ActionRequest,
  auditId: string | null,
  status: 'skipped' | 'failed',
  err: AppError,
): ActionResult {
  const up = err.extra.upstream
  return {
    ref: req.ref,
    ok: false,
    auditId,
    status,
    error: {
      code: err.code,
      message: err.message,
      ...(up?.cloudCode ? { cloudCode: up.cloudCode } : {}),
      ...(up?.requestId ? { requestId: up.requestId } : {}),
    },
  }
}

export function failureError(out: Extract<SendOutcome, { ok: false }>): AppError {
  const { retryAfterMs } = out.failure
  return new AppError(out.failure.code, out.failure.message, {
    upstream: out.failure.upstream,
    ...(retryAfterMs === undefined ? {} : { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) }),
  })
}

/** One stop or delete: checks, intent, detached upstream call, outcome. Throws AppError on refusal or failure. */
export async function runSingleAction(
  deps: WorkloadServiceDeps,
  tasks: BackgroundTasks,
  actor: SessionUser,
  req: ActionRequest,
  meta: RequestMeta,
): Promise<ActionResult> {
  const key = workloadKey(req.ref)
  if (!tasks.claim(key))
    throw new AppError('CONFLICT', 'another stop or delete of this workload is in progress')
  try {
    const p = await prepareAction(deps, actor, req)
    const intent = await recordIntent(deps, actor, p, meta)
    const opts =
      req.triggerSavepoint === undefined ? {} : { triggerSavepoint: req.triggerSavepoint }
    const out = await dispatch(deps, tasks, intent, p, () => sendOne(p, opts))
    if (!out.ok) throw failureError(out)
    if (req.action !== 'stop') return acceptedResult(deps, actor, p, intent)
    return acceptedResult(deps, actor, { ...p, observed: await observeAfterStop(p, true) }, intent)
  } finally {
    tasks.release(key)
  }
}
