import { expect, test } from 'vitest'
import type { AuditQuery } from '@ops-console/contracts'
import { createTestDb } from '../testing/test-db.js'
import { pageQuery } from './query.js'

// A page must be an index walk in (at, seq) order that stops after `limit` rows — never a sort of
// the whole table — so it stays fast at a million rows.
const CASES: [string, Partial<AuditQuery>, string][] = [
  ['no filter', {}, 'audit_entries_at_seq'],
  ['actor', { actor: 'alice' }, 'audit_entries_actor_at_seq'],
  ['kind', { kind: 'dli-flink-job' }, 'audit_entries_kind_at_seq'],
  ['action', { action: 'workload.stop' }, 'audit_entries_action_at_seq'],
  ['pending', { outcome: 'pending' }, 'audit_entries_outcome_at_seq'],
  [
    'cursor',
    { cursor: Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 5])).toString('base64url') },
    'audit_entries_at_seq',
  ],
]

test('sqlite: every page query walks an index in order without a temporary sort', async () => {
  const t = await createTestDb('sqlite')
  for (const [name, filters, index] of CASES) {
    const compiled = pageQuery(t.db, { limit: 50, ...filters }).compile()
    const rows = await t.db.executeQuery<{ detail: string }>({
      ...compiled,
      sql: `EXPLAIN QUERY PLAN ${compiled.sql}`,
      query: compiled.query,
    })
    const details = rows.rows.map((r) => r.detail).join(' | ')
    expect([name, details]).toEqual([name, expect.stringContaining(index)])
    expect([name, details]).toEqual([name, expect.not.stringContaining('TEMP B-TREE')])
  }
  await t.close()
})
