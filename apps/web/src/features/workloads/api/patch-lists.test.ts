import type { WorkloadList } from '@ops-console/contracts'
import { expect, test } from 'vitest'
import { createQueryClient } from '../../../lib/query-client.js'
import { makeWorkload } from '../../../testing/fixtures.js'
import { patchListsAfterAction } from './patch-lists.js'
import { workloadKeys } from './workload-queries.js'

test('an accepted stop shows "stopping" in every cached list even though the result carries the old state', () => {
  const qc = createQueryClient({ retry: false })
  const a = makeWorkload({ name: 'a' })
  const b = makeWorkload({ name: 'b' })
  const list = (items = [a, b]): WorkloadList => ({ items, total: items.length, sources: [] })
  qc.setQueryData(workloadKeys.list('all', { state: 'active' }), list())
  qc.setQueryData(workloadKeys.list('dli-flink-job', {}), list())
  const last = { action: 'stop' as const, actor: 'al', at: 'now', reason: 'why' }

  patchListsAfterAction(
    qc,
    [
      {
        ref: { kind: a.kind, target: a.target, id: a.id },
        ok: true,
        auditId: '1',
        status: 'accepted',
        workload: { ...a, lastAction: last },
      },
      {
        ref: { kind: b.kind, target: b.target, id: b.id },
        ok: false,
        auditId: '2',
        status: 'failed',
      },
    ],
    'stopping',
  )
  for (const key of [
    workloadKeys.list('all', { state: 'active' }),
    workloadKeys.list('dli-flink-job', {}),
  ]) {
    const items = qc.getQueryData<WorkloadList>(key)?.items ?? []
    expect(items.map((w) => [w.name, w.state])).toEqual([
      ['a', 'stopping'],
      ['b', 'running'],
    ])
    expect(items[0]?.lastAction).toEqual(last)
  }
})
