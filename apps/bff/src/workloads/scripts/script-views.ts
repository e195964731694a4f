import type { ScriptInstance } from '@ops-console/contracts'
import { scriptInstanceId } from '../kinds/dataarts-script-instance/adapter.js'
import { mapScriptInstanceStatus } from '../kinds/dataarts-script-instance/status-map.js'
import type { Observed } from '../types.js'
import type { ScriptInstanceRow } from './registry.js'

/** A registry row as the API shows it (status as last stored). */
export function fromRow(row: ScriptInstanceRow): ScriptInstance {
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

/** A freshly read script-instance workload as the API shows it. */
export function fromObserved(o: Observed): ScriptInstance {
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
