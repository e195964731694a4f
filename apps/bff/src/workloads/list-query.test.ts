import { expect, test } from 'vitest'
import { ListQuery, type Workload } from '@ops-console/contracts'
import { applyListQuery } from './list-query.js'

function w(id: string, over: Partial<Workload> = {}): Workload {
  return {
    kind: 'dli-flink-job',
    target: 't1',
    id,
    name: `job-${id}`,
    owner: 'alice',
    startedAt: null,
    updatedAt: null,
    state: 'running',
    rawStatus: 'job_running',
    extra: {},
    actions: { stop: { allowed: true }, delete: { allowed: false } },
    ...over,
  }
}

const items = [
  w('1', { startedAt: '2026-01-01T00:00:00Z', state: 'stopped' }),
  w('2', { startedAt: '2026-01-03T00:00:00Z', owner: 'Bob' }),
  w('3', { startedAt: '2026-01-02T00:00:00Z', target: 't2', state: 'stopping' }),
  w('4', { state: 'succeeded' }),
]

test('active means pending, running or stopping', () => {
  expect(
    applyListQuery(items, ListQuery.parse({ state: 'active' }))
      .items.map((x) => x.id)
      .sort(),
  ).toEqual(['2', '3'])
})

test('filters by exact state, target and case-insensitive text on name, id and owner', () => {
  expect(
    applyListQuery(items, ListQuery.parse({ state: 'stopped' })).items.map((x) => x.id),
  ).toEqual(['1'])
  expect(applyListQuery(items, ListQuery.parse({ target: 't2' })).items.map((x) => x.id)).toEqual([
    '3',
  ])
  expect(applyListQuery(items, ListQuery.parse({ q: 'bob' })).items.map((x) => x.id)).toEqual(['2'])
  expect(applyListQuery(items, ListQuery.parse({ q: 'JOB-4' })).items.map((x) => x.id)).toEqual([
    '4',
  ])
})

test('sorts newest first by default, ascending on request, and pages with the full total', () => {
  expect(applyListQuery(items, ListQuery.parse({})).items.map((x) => x.id)).toEqual([
    '2',
    '3',
    '1',
    '4',
  ])
  expect(
    applyListQuery(items, ListQuery.parse({ sort: 'startedAt' })).items.map((x) => x.id),
  ).toEqual(['4', '1', '3', '2'])
  const page = applyListQuery(items, ListQuery.parse({ sort: 'name', offset: 1, limit: 2 }))
  expect(page).toMatchObject({ total: 4 })
  expect(page.items.map((x) => x.id)).toEqual(['2', '3'])
})
