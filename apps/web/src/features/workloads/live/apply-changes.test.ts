import type { WorkloadChanges, WorkloadDetail, WorkloadList } from '@ops-console/contracts'
import { expect, test } from 'vitest'
import { createQueryClient } from '../../../lib/query-client.js'
import { makeWorkload } from '../../../testing/fixtures.js'
import { workloadKeys } from '../api/workload-queries.js'
import { applyWorkloadChanges } from './apply-changes.js'

const list = (items = [a(), b()]): WorkloadList => ({ items, total: items.length, sources: [] })
const a = () => makeWorkload({ id: 'a', name: 'alpha' })
const b = () => makeWorkload({ id: 'b', name: 'beta' })
const change = (c: Partial<WorkloadChanges>): WorkloadChanges => ({
  target: 'prod-eu',
  kind: 'dli-flink-job',
  changed: [],
  removed: [],
  at: 'now',
  ...c,
})
const names = (l: WorkloadList | undefined) => l?.items.map((w) => `${w.name}:${w.state}`)

test('changed rows replace theirs in place; removed ids drop out with the total', () => {
  const qc = createQueryClient({ retry: false })
  const key = workloadKeys.list('all', {})
  qc.setQueryData(key, list())
  const refetch = applyWorkloadChanges(
    qc,
    change({ changed: [{ ...a(), state: 'stopping' }], removed: ['b'] }),
  )
  expect(names(qc.getQueryData<WorkloadList>(key))).toEqual(['alpha:stopping'])
  expect(qc.getQueryData<WorkloadList>(key)?.total).toBe(1)
  expect(refetch).toEqual([])
})

test('a row that no longer matches the filter leaves that list only', () => {
  const qc = createQueryClient({ retry: false })
  const active = workloadKeys.list('all', { state: 'active' })
  const everything = workloadKeys.list('dli-flink-job', {})
  qc.setQueryData(active, list())
  qc.setQueryData(everything, list())
  applyWorkloadChanges(qc, change({ changed: [{ ...a(), state: 'stopped' }] }))
  expect(names(qc.getQueryData<WorkloadList>(active))).toEqual(['beta:running'])
  expect(names(qc.getQueryData<WorkloadList>(everything))).toEqual([
    'alpha:stopped',
    'beta:running',
  ])
})

test('lists of another kind or target are untouched; a new matching row asks for a refetch', () => {
  const qc = createQueryClient({ retry: false })
  const otherKind = workloadKeys.list('codearts-build', {})
  const otherTarget = workloadKeys.list('all', { target: 'prod-cn' })
  const mine = workloadKeys.list('dli-flink-job', { q: 'gam' })
  for (const key of [otherKind, otherTarget, mine]) qc.setQueryData(key, list())
  const gamma = makeWorkload({ id: 'g', name: 'gamma' })
  const refetch = applyWorkloadChanges(
    qc,
    change({ changed: [gamma, { ...b(), state: 'failed' }] }),
  )
  expect(names(qc.getQueryData<WorkloadList>(otherKind))).toEqual(['alpha:running', 'beta:running'])
  expect(names(qc.getQueryData<WorkloadList>(otherTarget))).toEqual([
    'alpha:running',
    'beta:running',
  ])
  // "beta" doesn't match q=gam, so it leaves; "gamma" does but isn't listed yet.
  expect(names(qc.getQueryData<WorkloadList>(mine))).toEqual(['alpha:running'])
  expect(refetch).toEqual([mine])
})

test('an open detail gets the changed row, keeping its raw fields', () => {
  const qc = createQueryClient({ retry: false })
  const w = a()
  qc.setQueryData<WorkloadDetail>(workloadKeys.detail(w), {
    workload: w,
    raw: { status: 'RUNNING' },
  })
  applyWorkloadChanges(qc, change({ changed: [{ ...w, state: 'stopped' }] }))
  expect(qc.getQueryData<WorkloadDetail>(workloadKeys.detail(w))).toEqual({
    workload: { ...w, state: 'stopped' },
    raw: { status: 'RUNNING' },
  })
})
