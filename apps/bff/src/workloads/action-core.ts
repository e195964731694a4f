import {
  hasRole,
  type AuditIntent,
  type SessionUser,
  type WorkloadAction,
} from '@ops-console/contracts'
import type { WorkloadKey } from '../audit/types.js'
import { AppError } from '../lib/errors.js'
import { describeUpstreamError } from './cloud-errors.js'
import type { WorkloadServiceDeps } from './service-deps.js'
import type { CloudTarget, KindAdapter, Observed, SendOutcome, StopOptions } from './types.js'
import { availability, readOne, resolveRef } from './workload-reads.js'

export interface ActionRequest {
  action: WorkloadAction
  ref: WorkloadKey
  reason: string
  triggerSavepoint?: boolean
  confirmName?: string
}

/** Request facts that go into the audit intent. */
export interface RequestMeta {
  requestId: string
  sourceIp: string | null
  userAgent: string | null
}

export interface Prepared {
  req: ActionRequest
  adapter: KindAdapter
  target: CloudTarget
  observed: Observed
}

/**
 * Everything that must hold before an intent is written: a valid ref, a workload that exists,
 * the actor's role, protection, the current state and (delete) the typed confirmation.
 * Throws the AppError to answer with; nothing has been sent upstream when it throws.
 */
export async function prepareAction(
  deps: WorkloadServiceDeps,
  actor: SessionUser,
  req: ActionRequest,
): Promise<Prepared> {
  const { adapter, target } = resolveRef(deps, req.ref)
  if (req.action === 'delete' && (adapter.deleteUnsupported || !adapter.delete)) {
    const why = adapter.deleteUnsupported ?? 'this kind of workload has no delete operation'
    throw new AppError('ACTION_NOT_ALLOWED', `Delete is not possible: ${why}`)
  }
  const needed = req.action === 'delete' ? 'admin' : 'operator'
  if (!hasRole(actor.role, needed))
    throw new AppError(
      'FORBIDDEN',
      `${req.action === 'delete' ? 'Delete' : 'Stop'} requires the ${needed} role`,
    )
  const observed = await readOne(deps, req.ref)
  const isProtected = deps.isProtected({ target: observed.target, name: observed.name })
  if (isProtected && actor.role !== 'admin')
    throw new AppError(
      'PROTECTED_WORKLOAD',
      `Only an admin may ${req.action} '${observed.name}': it is protected`,
    )
  const verdict = availability(deps, observed, actor.role)[req.action]
  if (!verdict.allowed)
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      verdict.reason ?? `${req.action === 'delete' ? 'Delete' : 'Stop'} is not possible now`,
    )
  if (req.action === 'delete' && req.confirmName !== observed.name) {
    throw new AppError(
      'CONFIRMATION_MISMATCH',
      'The typed name does not match the workload name exactly.',
    )
  }
  return { req, adapter, target, observed }
}

/** Commits the intent; if the ledger cannot, the caller gets AUDIT_UNAVAILABLE and sends nothing. */
export async function recordIntent(
  deps: WorkloadServiceDeps,
  actor: SessionUser,
  p: Prepared,
  meta: RequestMeta,
): Promise<AuditIntent> {
  try {
    return await deps.ledger.recordIntent({
      action: p.req.action === 'stop' ? 'workload.stop' : 'workload.delete',
      actor: actor.username,
      role: actor.role,
      sourceIp: meta.sourceIp,
      userAgent: meta.userAgent,
      requestId: meta.requestId,
      reason: p.req.reason,
      kind: p.req.ref.kind,
      target: p.req.ref.target,
      workloadId: p.req.ref.id,
      workloadName: p.observed.name,
      stateBefore: p.observed.rawStatus
        ? `${p.observed.state} (${p.observed.rawStatus})`
        : p.observed.state,
      options:
        p.req.triggerSavepoint === undefined ? {} : { triggerSavepoint: p.req.triggerSavepoint },
    })
  } catch (err) {
    if (err instanceof AppError && err.code === 'AUDIT_UNAVAILABLE') throw err
    throw new AppError('AUDIT_UNAVAILABLE', 'the audit log cannot be written; nothing was sent', {
      cause: err,
    })
  }
}

/** Writes the request's outcome row; a failure here is logged and left to the start-up reconciler. */
export async function recordRequestOutcome(
  deps: WorkloadServiceDeps,
  intentId: string,
  out: SendOutcome,
  durationMs: number,
): Promise<void> {
  const row = out.ok
    ? {
        outcome: 'success' as const,
        httpStatus: out.status,
        cloudCode: null,
        cloudMessage: null,
        upstreamRequestId: out.requestId,
      }
    : {
        outcome: out.failure.outcome,
        httpStatus: out.failure.httpStatus,
        cloudCode: out.failure.cloudCode,
        cloudMessage: out.failure.upstream.cloudMessage ?? null,
        upstreamRequestId: out.failure.requestId,
      }
  try {
    await deps.ledger.recordOutcome({ intentId, ...row, durationMs, source: 'request' })
  } catch (err) {
    deps.log.error(
      { err, intentId },
      'could not record the outcome of an audited action; the reconciler will settle it',
    )
  }
}

/** Sends one stop/delete upstream. Never passed the HTTP request's signal: a disconnect must not cancel it. */
export async function sendOne(p: Prepared, opts: StopOptions): Promise<SendOutcome> {
  try {
    const result =
      p.req.action === 'stop'
        ? await p.adapter.stop(p.target, p.req.ref.id, opts)
        : p.adapter.delete
          ? await p.adapter.delete(p.target, p.req.ref.id)
          : null
    if (result === null) throw new Error('delete is not supported for this kind') // unreachable: prepareAction refuses it
    return { ok: true, status: result.status, requestId: result.requestId }
  } catch (err) {
    return { ok: false, failure: describeUpstreamError(err) }
  }
}
