import { expect, test } from 'vitest'
import { mapDataArtsJobStatus } from './status-map.js'

test.each([
  ['STARTING', 'pending'],
  ['NORMAL', 'running'],
  ['EXCEPTION', 'failed'],
  ['STOPPING', 'stopping'],
  ['STOPPED', 'stopped'],
  ['INIT', 'pending'],
  ['ABNORMAL', 'failed'],
  ['PAUSE', 'unknown'],
  ['OVERLOAD', 'unknown'],
] as const)('REAL_TIME %s -> %s', (raw, state) => {
  expect(mapDataArtsJobStatus('REAL_TIME', raw)).toBe(state)
})

test.each([
  ['SCHEDULING', 'running'],
  ['STOPPED', 'stopped'],
  ['PAUSED', 'stopped'],
] as const)('BATCH %s -> %s', (raw, state) => {
  expect(mapDataArtsJobStatus('BATCH', raw)).toBe(state)
})

test('statuses of the other job type, unknown values and missing values map to unknown', () => {
  expect(mapDataArtsJobStatus('BATCH', 'NORMAL')).toBe('unknown')
  expect(mapDataArtsJobStatus('REAL_TIME', 'SCHEDULING')).toBe('unknown')
  expect(mapDataArtsJobStatus('REAL_TIME', 'normal')).toBe('unknown')
  expect(mapDataArtsJobStatus('BATCH', 'toString')).toBe('unknown')
  expect(mapDataArtsJobStatus('BATCH', null)).toBe('unknown')
})
