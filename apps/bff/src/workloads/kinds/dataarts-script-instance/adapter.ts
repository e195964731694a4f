import type { DataArtsScriptInstance } from '@ops-console/cloud-client'
import { parseScriptInstanceId } from '@ops-console/contracts'
import type { Clock } from '../../../lib/clock.js'
import { mapLimit } from '../../paginate.js'
import type { ScriptInstanceRow, ScriptRegistry } from '../../scripts/registry.js'
import { type CloudTarget, type KindAdapter, type Observed, type ReadOptions } from '../../types.js'
import { orNull, rawOf } from '../not-found.js'
import { mapScriptInstanceStatus } from './status-map.js'

export const SCRIPT_NOT_FOUND = ['DLF.6201', 'DLF.6205']
/** Statuses after which an instance never changes again: not re-read on every list. */
const SETTLED = new Set(['FINISHED', 'FAILED'])

export function scriptInstanceId(scriptName: string, instanceId: string): string {
  return `${scriptName}:${instanceId}`
}

function observe(
  target: CloudTarget,
  key: { scriptName: string; instanceId: string },
  row: ScriptInstanceRow | null,
  status: string | null,
  result: DataArtsScriptInstance | null,
): Observed {
  return {
    kind: 'dataarts-script-instance',
    target: target.name,
    id: scriptInstanceId(key.scriptName, key.instanceId),
    name: key.scriptName,
    owner: row?.registered_by ?? null,
    // The result call carries no times; the registration time is the best start time we know.
    startedAt: row?.registered_at ?? null,
    updatedAt: row?.last_checked_at ?? null,
    state: mapScriptInstanceStatus(status, row?.stop_requested_at != null),
    rawStatus: status ?? '',
    extra: {
      scriptName: key.scriptName,
      instanceId: key.instanceId,
      stopRequestedAt: row?.stop_requested_at ?? null,
      tracked: row !== null,
    },
    raw: result ? rawOf(result) : { status },
  }
}

/**
 * DataArts script instances (cloud-api.md §2.10–2.12), listed from the BFF's registry because the
 * cloud has no list call. Statuses are refreshed from the result call and stored back.
 */
export function createScriptInstanceAdapter(registry: ScriptRegistry, clock: Clock): KindAdapter {
  async function refresh(
    target: CloudTarget,
    row: ScriptInstanceRow,
    opts: ReadOptions,
  ): Promise<Observed> {
    const key = { scriptName: row.script_name, instanceId: row.instance_id }
    if (row.last_status !== null && SETTLED.has(row.last_status))
      return observe(target, key, row, row.last_status, null)
    const result = await orNull(
      () => target.client.dataarts.getScriptInstance(key.scriptName, key.instanceId, opts),
      SCRIPT_NOT_FOUND,
    )
    if (!result) return observe(target, key, row, row.last_status, null)
    const at = clock.now().toISOString()
    await registry.recordStatus({ target: target.name, ...key }, result.data.status, at)
    return observe(
      target,
      key,
      { ...row, last_status: result.data.status, last_checked_at: at },
      result.data.status,
      result.data,
    )
  }

  return {
    kind: 'dataarts-script-instance',
    deleteUnsupported:
      'DataArts has no API to delete a script instance; instances end on their own',
    appliesTo: () => true,
    async list(target, opts) {
      const rows = await registry.list(target.name)
      return mapLimit(rows, 4, (row) => refresh(target, row, opts))
    },
    async get(target, id, opts = {}) {
      const key = parseScriptInstanceId(id)
      if (!key) return null
      const result = await orNull(
        () => target.client.dataarts.getScriptInstance(key.scriptName, key.instanceId, opts),
        SCRIPT_NOT_FOUND,
      )
      if (!result) return null
      const row = await registry.get({ target: target.name, ...key })
      if (row)
        await registry.recordStatus(
          { target: target.name, ...key },
          result.data.status,
          clock.now().toISOString(),
        )
      return observe(target, key, row, result.data.status, result.data)
    },
    async stop(target, id) {
      const key = parseScriptInstanceId(id)
      if (!key) throw new Error('invalid script instance id') // unreachable: validated before any call
      const result = await target.client.dataarts.stopScriptInstance(key.scriptName, key.instanceId)
      // The spec documents no stopped status, so a FAILED after our accepted stop is shown as stopped.
      // Only the display depends on this mark, so a database hiccup must not turn the accepted stop into a failure.
      await registry
        .markStopRequested({ target: target.name, ...key }, clock.now().toISOString())
        .catch(() => undefined)
      return result
    },
  }
}
