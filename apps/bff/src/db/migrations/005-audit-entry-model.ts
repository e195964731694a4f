import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'
import { applyPatch, intentEntry, outcomePatch } from '../../audit/projection.js'
import type { Database } from '../schema.js'

const BATCH = 1000

/**
 * The entry model of docs/decisions/009: account events share the chain (a new row type, no
 * schema change), rows may carry a MAC (`audit_log.mac`), and each entry keeps the latest HTTP
 * status and cloud request id of its outcomes. Existing entries are recomputed from the chain
 * with the one projection (their search text now also holds the BFF and cloud request ids), so
 * `audit:verify` keeps accepting an upgraded ledger.
 */
export const m005AuditEntryModel: Migration = {
  async up(raw: Kysely<unknown>) {
    const db = raw as unknown as Kysely<Database>
    await db.schema.alterTable('audit_log').addColumn('mac', 'text').execute()
    await db.schema.alterTable('audit_entries').addColumn('http_status', 'integer').execute()
    await db.schema.alterTable('audit_entries').addColumn('upstream_request_id', 'text').execute()
    for (let after = 0; ;) {
      const intents = await db
        .selectFrom('audit_log')
        .select(['seq', 'id', 'at', 'body'])
        .where('type', '=', 'intent')
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(BATCH)
        .execute()
      if (intents.length === 0) break
      after = Number(intents.at(-1)?.seq)
      const outcomes = await db
        .selectFrom('audit_log')
        .select(['seq', 'intent_id', 'body'])
        .where('type', '=', 'outcome')
        .where(
          'intent_id',
          'in',
          intents.map((i) => i.id),
        )
        .orderBy('seq')
        .execute()
      for (const i of intents) {
        let e = intentEntry(
          Number(i.seq),
          i.id,
          i.at,
          JSON.parse(i.body) as Record<string, unknown>,
        )
        for (const o of outcomes)
          if (o.intent_id === i.id)
            e = applyPatch(
              e,
              outcomePatch(Number(o.seq), JSON.parse(o.body) as Record<string, unknown>),
            )
        await db
          .updateTable('audit_entries')
          .set({
            search: e.search,
            http_status: e.http_status,
            upstream_request_id: e.upstream_request_id,
          })
          .where('intent_id', '=', i.id)
          .execute()
      }
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('audit_entries').dropColumn('upstream_request_id').execute()
    await db.schema.alterTable('audit_entries').dropColumn('http_status').execute()
    await db.schema.alterTable('audit_log').dropColumn('mac').execute()
  },
}
