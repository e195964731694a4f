import { expect, test } from 'vitest'
import { mapProcessorVersionStatus } from './status-map.js'

test.each([
  [0, 'pending'],
  [1, 'running'],
  [2, 'succeeded'],
  [3, 'failed'],
  [4, 'stopped'],
] as const)('%i -> %s', (raw, state) => {
  expect(mapProcessorVersionStatus(raw)).toBe(state)
})

test('values outside 0-4 map to unknown', () => {
  expect(mapProcessorVersionStatus(5)).toBe('unknown')
  expect(mapProcessorVersionStatus(-1)).toBe('unknown')
  expect(mapProcessorVersionStatus(1.5)).toBe('unknown')
  expect(mapProcessorVersionStatus(null)).toBe('unknown')
})
