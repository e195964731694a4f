import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../db/schema.js'

export type ScriptInstanceRow = Selectable<Database['script_instances']>

export interface ScriptInstanceKey {
  target: string
  scriptName: string
  instanceId: string
}

/** The BFF's memory of DataArts script instances (cloud-api.md §2.9: there is no list call). */
export interface ScriptRegistry {
  /** Inserts the instance, or returns the existing row when it is already known. */
  register(
    key: ScriptInstanceKey,
    registeredBy: string,
    at: string,
    lastStatus: string | null,
  ): Promise<ScriptInstanceRow>
  list(target?: string): Promise<ScriptInstanceRow[]>
  get(key: ScriptInstanceKey): Promise<ScriptInstanceRow | null>
  recordStatus(key: ScriptInstanceKey, status: string, at: string): Promise<void>
  markStopRequested(key: ScriptInstanceKey, at: string): Promise<void>
}

export function createScriptRegistry(db: Kysely<Database>): ScriptRegistry {
  const where = (key: ScriptInstanceKey) =>
    db
      .selectFrom('script_instances')
      .selectAll()
      .where('target', '=', key.target)
      .where('script_name', '=', key.scriptName)
      .where('instance_id', '=', key.instanceId)

  return {
    async register(key, registeredBy, at, lastStatus) {
      const row: ScriptInstanceRow = {
        id: randomUUID(),
        target: key.target,
        script_name: key.scriptName,
        instance_id: key.instanceId,
        registered_by: registeredBy,
        registered_at: at,
        last_status: lastStatus,
        last_checked_at: lastStatus === null ? null : at,
        stop_requested_at: null,
      }
      // The unique (target, script_name, instance_id) constraint makes a second registration a no-op.
      await db
        .insertInto('script_instances')
        .values(row)
        .onConflict((oc) => oc.columns(['target', 'script_name', 'instance_id']).doNothing())
        .execute()
      return (await where(key).executeTakeFirst()) ?? row
    },
    async list(target) {
      let q = db
        .selectFrom('script_instances')
        .selectAll()
        .orderBy('registered_at', 'desc')
        .orderBy('id')
      if (target !== undefined) q = q.where('target', '=', target)
      return q.execute()
    },
    async get(key) {
      return (await where(key).executeTakeFirst()) ?? null
    },
    async recordStatus(key, status, at) {
      await db
        .updateTable('script_instances')
        .set({ last_status: status, last_checked_at: at })
        .where('target', '=', key.target)
        .where('script_name', '=', key.scriptName)
        .where('instance_id', '=', key.instanceId)
        .execute()
    },
    async markStopRequested(key, at) {
      await db
        .updateTable('script_instances')
        .set({ stop_requested_at: at })
        .where('target', '=', key.target)
        .where('script_name', '=', key.scriptName)
        .where('instance_id', '=', key.instanceId)
        .execute()
    },
  }
}
