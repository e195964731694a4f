import {
  SCRIPT_INSTANCE_ID_PATTERN,
  SCRIPT_NAME_PATTERN,
  type ScriptInstance,
  type ScriptInstanceList,
  type ScriptInstanceResult,
  type SessionUser,
} from '@ops-console/contracts'
import type { AuditLedger } from '../../audit/types.js'
import type { Clock } from '../../lib/clock.js'
import { AppError } from '../../lib/errors.js'
import { fieldLabel } from '../../lib/readable-issues.js'
import type { Logger } from '../../lib/logger.js'
import type { RequestMeta } from '../action-core.js'
import type { BackgroundTasks } from '../background.js'
import { upstreamAppError } from '../cloud-errors.js'
import { SCRIPT_NOT_FOUND, scriptInstanceId } from '../kinds/dataarts-script-instance/adapter.js'
import { orNull } from '../kinds/not-found.js'
import type { CloudTarget, KindAdapter } from '../types.js'
import type { ScriptRegistry } from './registry.js'
import { createScriptAudit, failureOutcome } from './script-audit.js'
import { fromObserved, fromRow } from './script-views.js'

export interface ScriptServiceDeps {
  targets: readonly CloudTarget[]
  registry: ScriptRegistry
  adapter: KindAdapter
  ledger: AuditLedger
  clock: Clock
  log: Logger
  tasks: BackgroundTasks
}

function checkName(field: 'scriptName' | 'instanceId', value: string): void {
  const pattern = field === 'scriptName' ? SCRIPT_NAME_PATTERN : SCRIPT_INSTANCE_ID_PATTERN
  if (!pattern.test(value)) {
    const message = 'Use 1–128 letters, digits, _ or -.'
    throw new AppError('VALIDATION_FAILED', `${fieldLabel(field)}: ${message}`, {
      fields: { [field]: message },
    })
  }
}

/** DataArts scripts: execute (audited), register instances started elsewhere, list tracked instances. */
export function createScriptService(deps: ScriptServiceDeps) {
  const audit = createScriptAudit(deps.ledger, deps.log)
  const targetOf = (name: string): CloudTarget => {
    const t = deps.targets.find((x) => x.name === name)
    if (!t) throw new AppError('NOT_FOUND', `unknown target '${name}'`)
    return t
  }

  /** Fresh state of every tracked instance of one target, or nothing when the target fails. */
  const refresh = async (name: string): Promise<ScriptInstance[]> => {
    const target = deps.targets.find((t) => t.name === name)
    if (!target) return []
    try {
      return (await deps.adapter.list(target, {})).map(fromObserved)
    } catch (err) {
      deps.log.warn({ err, target: name }, 'script instance refresh failed; showing stored status')
      return []
    }
  }

  return {
    /** Every tracked instance, refreshed from the cloud where possible (a failing target keeps its stored status). */
    async list(): Promise<ScriptInstanceList> {
      const rows = await deps.registry.list()
      const fresh = (await Promise.all([...new Set(rows.map((r) => r.target))].map(refresh))).flat()
      const byKey = new Map(fresh.map((i) => [`${i.target}|${i.id}`, i]))
      return {
        items: rows.map(
          (r) =>
            byKey.get(`${r.target}|${scriptInstanceId(r.script_name, r.instance_id)}`) ??
            fromRow(r),
        ),
      }
    },

    /** Runs a script (audited as script.execute) and remembers the returned instance id. */
    async execute(
      actor: SessionUser,
      targetName: string,
      scriptName: string,
      body: { params: Record<string, string>; reason: string },
      meta: RequestMeta,
    ): Promise<ScriptInstanceResult> {
      checkName('scriptName', scriptName)
      const target = targetOf(targetName)
      // Parameter values may carry anything; the audit keeps their names only.
      const options = { paramNames: Object.keys(body.params) }
      const intent = await audit.intent(
        actor,
        {
          action: 'script.execute',
          target: target.name,
          scriptName,
          workloadId: scriptName,
          reason: body.reason,
          options,
        },
        meta,
      )
      const run = async () => {
        const started = performance.now()
        try {
          const res = await target.client.dataarts.executeScript(scriptName, {
            params: body.params,
          })
          const key = { target: target.name, scriptName, instanceId: res.data.instanceId }
          const row = await deps.registry.register(
            key,
            actor.username,
            deps.clock.now().toISOString(),
            null,
          )
          // The execute answer is just `{instanceId}`; it is kept in the outcome so the audit names the instance.
          await audit.outcome(intent.id, {
            outcome: 'success',
            httpStatus: res.status,
            cloudCode: null,
            cloudMessage: `instanceId=${res.data.instanceId}`,
            upstreamRequestId: res.requestId,
            durationMs: res.durationMs,
          })
          return { ok: true as const, row }
        } catch (err) {
          await audit.outcome(intent.id, failureOutcome(err, started))
          return { ok: false as const, err }
        }
      }
      // Detached from the request: a disconnect must not lose the instance id or the outcome.
      const res = await deps.tasks.track(run())
      if (!res.ok) throw upstreamAppError(res.err)
      return { instance: fromRow(res.row), auditId: intent.id }
    },

    /** Starts tracking an instance started elsewhere, after checking that the cloud knows it. */
    async register(
      actor: SessionUser,
      body: { target: string; scriptName: string; instanceId: string },
      meta: RequestMeta,
    ): Promise<ScriptInstanceResult> {
      checkName('scriptName', body.scriptName)
      checkName('instanceId', body.instanceId)
      const target = targetOf(body.target)
      const id = scriptInstanceId(body.scriptName, body.instanceId)
      const intent = await audit.intent(
        actor,
        {
          action: 'script.register',
          target: target.name,
          scriptName: body.scriptName,
          workloadId: id,
          reason: 'register script instance',
          options: {},
        },
        meta,
      )
      const started = performance.now()
      let found
      try {
        found = await orNull(
          () => target.client.dataarts.getScriptInstance(body.scriptName, body.instanceId),
          SCRIPT_NOT_FOUND,
        )
      } catch (err) {
        await audit.outcome(intent.id, { ...failureOutcome(err, started), outcome: 'failure' })
        throw upstreamAppError(err)
      }
      if (!found) {
        await audit.outcome(intent.id, {
          outcome: 'failure',
          httpStatus: 400,
          cloudCode: null,
          cloudMessage: 'instance not found upstream',
          upstreamRequestId: null,
          durationMs: Math.round(performance.now() - started),
        })
        throw new AppError(
          'NOT_FOUND',
          `script instance '${id}' does not exist on '${target.name}'`,
        )
      }
      const key = { target: target.name, scriptName: body.scriptName, instanceId: body.instanceId }
      const row = await deps.registry.register(
        key,
        actor.username,
        deps.clock.now().toISOString(),
        found.data.status,
      )
      await audit.outcome(intent.id, {
        outcome: 'success',
        httpStatus: found.status,
        cloudCode: null,
        cloudMessage: null,
        upstreamRequestId: found.requestId,
        durationMs: found.durationMs,
      })
      return { instance: fromRow(row), auditId: intent.id }
    },
  }
}

export type ScriptService = ReturnType<typeof createScriptService>
