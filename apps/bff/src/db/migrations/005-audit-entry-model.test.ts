import { randomUUID } from 'node:crypto'
import { Migrator } from 'kysely/migration'
import { expect, onTestFinished, test } from 'vitest'
import { chainBatch } from '../../audit/batch.js'
import { createLedger } from '../../audit/ledger.js'
import { manualClock } from '../../lib/clock.js'
import { intentInput, requestOutcome } from '../../testing/audit-fixtures.js'
import { DIALECTS, createTestDb } from '../../testing/test-db.js'
import { migrateToLatest } from '../create-db.js'
import { migrationProvider } from './index.js'

for (const dialect of DIALECTS) {
  test(`${dialect}: a ledger written before migration 005 still verifies after it, and its request ids become searchable`, async () => {
    const t = await createTestDb(dialect)
    onTestFinished(() => t.close())
    const migrator = new Migrator({
      db: t.db,
      provider: migrationProvider,
      ...(t.schema ? { migrationTableSchema: t.schema } : {}),
    })
    await migrator.migrateTo('004-audit-text-index')
    // Rows as the ledger wrote them before: no MAC column, entries without request ids in `search`.
    const id = randomUUID()
    const { log, inserts } = chainBatch(
      null,
      [
        {
          type: 'intent',
          id,
          at: '2025-06-01T10:00:00.000Z',
          body: intentInput({ requestId: 'bff-42' }),
        },
        {
          type: 'outcome',
          id: randomUUID(),
          intentId: id,
          at: '2025-06-01T10:00:01.000Z',
          body: { ...requestOutcome(id), upstreamRequestId: 'cloud-77' },
        },
      ],
      null,
    )
    await t.db
      .insertInto('audit_log')
      .values(log.map(({ mac: _mac, ...row }) => row))
      .execute()
    await t.db
      .insertInto('audit_entries')
      .values(
        inserts.map(({ http_status: _h, upstream_request_id: _u, ...e }) => ({
          ...e,
          search: [
            'alice',
            'prod-eu',
            '1234567890123456789',
            'etl-orders',
            'runaway job',
            'dli-flink-job',
          ].join('\n'),
        })),
      )
      .execute()

    await migrateToLatest(t.db, t.schema ? { pgSchema: t.schema } : {})
    const ledger = createLedger(t.db, manualClock())
    onTestFinished(() => ledger.close())
    expect(await ledger.verify()).toMatchObject({ ok: true, rows: 2 })
    for (const q of ['bff-42', 'CLOUD-77'])
      expect((await ledger.query({ limit: 5, q })).items.map((e) => e.id)).toEqual([id])
    expect((await ledger.query({ limit: 5 })).items[0]).toMatchObject({
      httpStatus: 200,
      upstreamRequestId: 'cloud-77',
    })
  })
}
