import type { AuditIntent, AuditOutcomeRecord, SessionUser } from '@ops-console/contracts'
import type { AuditLedger } from '../../audit/types.js'
import { AppError } from '../../lib/errors.js'
import type { Logger } from '../../lib/logger.js'
import type { RequestMeta } from '../action-core.js'
import { describeUpstreamError } from '../cloud-errors.js'

export type ScriptOutcome = Omit<
  AuditOutcomeRecord,
  'intentId' | 'at' | 'source' | 'finalState' | 'timeToStopMs'
>

export interface ScriptIntent {
  action: 'script.execute' | 'script.register'
  target: string
  scriptName: string
  workloadId: string
  reason: string
  options: Record<string, unknown>
}

/** Audit rows of the script routes: intent first (or AUDIT_UNAVAILABLE), then one outcome. */
export function createScriptAudit(ledger: AuditLedger, log: Logger) {
  return {
    async intent(actor: SessionUser, i: ScriptIntent, meta: RequestMeta): Promise<AuditIntent> {
      try {
        return await ledger.recordIntent({
          action: i.action,
          actor: actor.username,
          role: actor.role,
          sourceIp: meta.sourceIp,
          userAgent: meta.userAgent,
          requestId: meta.requestId,
          reason: i.reason,
          kind: 'dataarts-script-instance',
          target: i.target,
          workloadId: i.workloadId,
          workloadName: i.scriptName,
          stateBefore: null,
          options: i.options,
        })
      } catch (err) {
        if (err instanceof AppError) throw err
        throw new AppError(
          'AUDIT_UNAVAILABLE',
          'the audit log cannot be written; nothing was sent',
          { cause: err },
        )
      }
    },

    /** Never throws: a lost outcome is logged and left to the start-up reconciler. */
    async outcome(intentId: string, row: ScriptOutcome): Promise<void> {
      try {
        await ledger.recordOutcome({ intentId, ...row, source: 'request' })
      } catch (err) {
        log.error(
          { err, intentId },
          'could not record a script outcome; the reconciler will settle it',
        )
      }
    },
  }
}

/** The outcome row for a failed cloud call; `startedAt` is a `performance.now()` reading. */
export function failureOutcome(err: unknown, startedAt: number): ScriptOutcome {
  const f = describeUpstreamError(err)
  return {
    outcome: f.outcome,
    httpStatus: f.httpStatus,
    cloudCode: f.cloudCode,
    cloudMessage: f.upstream.cloudMessage ?? null,
    upstreamRequestId: f.requestId,
    durationMs: Math.round(performance.now() - startedAt),
  }
}
