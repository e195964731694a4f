import { expect, test } from 'vitest'
import { isSettled, summarizeBatch, type Batch, type BatchItem } from './batch-summary.js'

const item = (id: string, status: BatchItem['status'], target = 'eu'): BatchItem => ({
  ref: { kind: 'dli-flink-job', target, id },
  action: 'stop',
  kind: 'dli-flink-job',
  name: `job-${id}`,
  target,
  status,
})

test('a batch settles when no item is still waiting', () => {
  const batch: Batch = { id: 1, action: 'stop', items: [item('1', 'done'), item('2', 'waiting')] }
  expect(isSettled(batch)).toBe(false)
  expect(isSettled({ ...batch, items: [item('1', 'done'), item('2', 'skipped')] })).toBe(true)
})

test('the summary counts each ending once and names the targets', () => {
  const items = [
    ...Array.from({ length: 52 }, (_, i) => item(`d${i}`, 'done')),
    item('f', 'failed', 'ap'),
    item('r', 'refused'),
    item('s', 'skipped'),
  ]
  expect(summarizeBatch({ id: 1, action: 'stop', items })).toEqual({
    title: 'Bulk stop of 55 workloads finished',
    body: '52 stopped · 2 failed · 1 skipped. Targets: ap, eu.',
    tone: 'error',
  })
  expect(summarizeBatch({ id: 2, action: 'delete', items: [item('1', 'done')] })).toEqual({
    title: 'Bulk delete of 1 workload finished',
    body: '1 deleted. Target: eu.',
    tone: 'success',
  })
})
