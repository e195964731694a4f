import type { ScriptInstance, ScriptInstanceList, ScriptInstanceResult, SessionUser } from '@ops-console/contracts'
import type { AuditLedger } from '../../audit/types.js'
import type { Clock } from '../../lib/clock.js'
import { AppError } from '../../lib/errors.js'
import type { Logger } from '../../lib/logger.js'
import type { RequestMeta } from '../action-core.js'
import type { BackgroundTasks } from '../background.js'
import { describeUpstreamError, upstreamAppError } from '../cloud-errors.js'
import { orNull } from '../kinds/not-found.js'
import { SCRIPT_NOT_FOUND, SCRIPT_PART, scriptInstanceId } from '../kinds/dataarts-script-instance/adapter.js'
import type { CloudTarget, KindAdapter, Observed } from '../types.js'
import type { ScriptInstanceRow, ScriptRegistry } from './registry.js'
import { mapScriptInstanceStatus } from '../kinds/dataarts-script-instance/status-map.js'

export interface ScriptServiceDeps {
  targets: readonly CloudTarget[]
  registry: ScriptRegistry
  adapter: KindAdapter
  ledger: AuditLedger
  clock: Clock
  log: Logger
  tasks: BackgroundTasks
}

function fromRow(row: ScriptInstanceRow): ScriptInstance {
  return {
    target: row.target,
    scriptName: row.script_name,
    instanceId: row.instance_id,
    id: scriptInstanceId(row.script_name, row.instance_id),
    registeredBy: row.registered_by,
    registeredAt: row.registered_at,
    lastStatus: row.last_status,
    lastCheckedAt: row.last_checked_at,
    state: mapScriptInstanceStatus(row.last_status, row.stop_requested_at !== null),
  }
}

function fromObserved(o: Observed): ScriptInstance {
  return {
    target: o.target,
    scriptName: String(o.extra.scriptName),
    instanceId: String(o.extra.instanceId),
    id: o.id,
    registeredBy: o.owner ?? '',
    registeredAt: o.startedAt ?? '',
    lastStatus: o.rawStatus || null,
    lastCheckedAt: o.updatedAt,
    state: o.state,
  }
}

export function createScriptService(deps: ScriptServiceDeps) {
  const targetOf = (name: string): CloudTarget => {
    const t = deps.targets.find((x) => x.name === name)
    if (!t) throw new AppError('NOT_FOUND', `unknown target '${name}'`)
    return t
  }
  const checkName = (field: string, value: string) => {
    if (!SCRIPT_PART.test(value)) throw new AppError('VALIDATION_FAILED', `invalid ${field}`, { fields: { [field]: 'letters, digits, _ and - only' } })
  }
  const intent = async (actor: SessionUser, action: 'script.execute' | 'script.register', target: string, scriptName: string, workloadId: string, reason: string, meta: RequestMeta, options: Record<string, unknown>) => {
    try {
      return await deps.ledger.recordIntent({
        action, actor: actor.username, role: actor.role, sourceIp: meta.sourceIp, userAgent: meta.userAgent, requestId: meta.requestId,
        reason, kind: 'dataarts-script-instance', target, workloadId, workloadName: scriptName, stateBefore: null, options,
      })
    } catch (err) {
      if (err instanceof AppError) throw err
      throw new AppError('AUDIT_UNAVAILABLE', 'the audit log cannot be written; nothing was sent', { cause: err })
    }
  }
  const outcome = (intentId: string, row: { outcome: 'success' | 'failure' | 'unknown'; httpStatus: number | null; cloudCode: string | null; cloudMessage: string | null; upstreamRequestId: string | null; durationMs: number | null }) =>
    deps.ledger.recordOutcome({ intentId, ...row, source: 'request' }).catch((err: unknown) => deps.log.error({ err, intentId }, 'could not record a script outcome; the reconciler will settle it'))

  return {
    /** Every tracked instance, refreshed from the cloud where possible (a failing target falls back to stored status). */
    async list(): Promise<ScriptInstanceList> {
      const rows = await deps.registry.list()
      const byTarget = new Set(rows.map((r) => r.target))
      const refreshed = new Map<string, ScriptInstance>()
      await Promise.all(
        [...byTarget].map(async (name) => {
          const target = deps.targets.find((t) => t.name === name)
          if (!target) return
          try {
            for (const o of await deps.adapter.list(target, {})) refreshed.set(`${o.target}|${o.id}`, fromObserved(o))
          } catch (err) {
            deps.log.warn({ err, target: name }, 'script instance refresh failed; showing stored status')
          }
        }),
      )
      return { items: rows.map((r) => refreshed.get(`${r.target}|${scriptInstanceId(r.script_name, r.instance_id)}`) ?? fromRow(r)) }
    },

    /** Runs a script (audited as script.execute) and remembers the returned instance id. */
    async execute(actor: SessionUser, targetName: string, scriptName: string, body: { params: Record<string, string>; reason: string }, meta: RequestMeta): Promise<ScriptInstanceResult> {
      checkName('scriptName', scriptName)
      const target = targetOf(targetName)
      // Parameter values may carry anything; the audit keeps their names only.
      const audit = await intent(actor, 'script.execute', target.name, scriptName, scriptName, body.reason, meta, { paramNames: Object.keys(body.params) })
      const run = async () => {
        const started = performance.now()
        try {
          const res = await target.client.dataarts.executeScript(scriptName, { params: body.params })
          const at = deps.clock.now().toISOString()
          const row = await deps.registry.register({ target: target.name, scriptName, instanceId: res.data.instanceId }, actor.username, at, null)
          // The execute answer is just `{instanceId}`; it is kept in the outcome so the audit names the instance.
          await outcome(audit.id, { outcome: 'success', httpStatus: res.status, cloudCode: null, cloudMessage: `instanceId=${res.data.instanceId}`, upstreamRequestId: res.requestId, durationMs: res.durationMs })
          return { ok: true as const, row }
        } catch (err) {
          const f = describeUpstreamError(err)
          await outcome(audit.id, { outcome: f.outcome, httpStatus: f.httpStatus, cloudCode: f.cloudCode, cloudMessage: f.upstream.cloudMessage ?? null, upstreamRequestId: f.requestId, durationMs: Math.round(performance.now() - started) })
          return { ok: false as const, err }
        }
      }
      // Detached from the request: a disconnect must not lose the instance id or the outcome.
      const res = await deps.tasks.track(run())
      if (!res.ok) throw upstreamAppError(res.err)
      return { instance: fromRow(res.row), auditId: audit.id }
    },

    /** Starts tracking an instance started elsewhere, after checking that the cloud knows it. */
    async register(actor: SessionUser, body: { target: string; scriptName: string; instanceId: string }, meta: RequestMeta): Promise<ScriptInstanceResult> {
      checkName('scriptName', body.scriptName)
      checkName('instanceId', body.instanceId)
      const target = targetOf(body.target)
      const id = scriptInstanceId(body.scriptName, body.instanceId)
      const audit = await intent(actor, 'script.register', target.name, body.scriptName, id, 'register script instance', meta, {})
      const started = performance.now()
      let found
      try {
        found = await orNull(() => target.client.dataarts.getScriptInstance(body.scriptName, body.instanceId), SCRIPT_NOT_FOUND)
      } catch (err) {
        const f = describeUpstreamError(err)
        await outcome(audit.id, { outcome: 'failure', httpStatus: f.httpStatus, cloudCode: f.cloudCode, cloudMessage: f.upstream.cloudMessage ?? null, upstreamRequestId: f.requestId, durationMs: Math.round(performance.now() - started) })
        throw upstreamAppError(err)
      }
      if (!found) {
        await outcome(audit.id, { outcome: 'failure', httpStatus: 400, cloudCode: null, cloudMessage: 'instance not found upstream', upstreamRequestId: null, durationMs: Math.round(performance.now() - started) })
        throw new AppError('NOT_FOUND', `script instance '${id}' does not exist on '${target.name}'`)
      }
      const row = await deps.registry.register({ target: target.name, scriptName: body.scriptName, instanceId: body.instanceId }, actor.username, deps.clock.now().toISOString(), found.data.status)
      await outcome(audit.id, { outcome: 'success', httpStatus: found.status, cloudCode: null, cloudMessage: null, upstreamRequestId: found.requestId, durationMs: found.durationMs })
      return { instance: fromRow(row), auditId: audit.id }
    },
  }
}

export type ScriptService = ReturnType<typeof createScriptService>
