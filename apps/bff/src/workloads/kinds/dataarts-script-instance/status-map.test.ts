import { expect, test } from 'vitest'
import { mapScriptInstanceStatus } from './status-map.js'

test.each([
  ['LAUNCHING', 'pending'],
  ['RUNNING', 'running'],
  ['FINISHED', 'succeeded'],
  ['FAILED', 'failed'],
] as const)('%s -> %s', (raw, state) => {
  expect(mapScriptInstanceStatus(raw)).toBe(state)
})

test('FAILED after our own stop is shown as stopped; other statuses are unaffected', () => {
  expect(mapScriptInstanceStatus('FAILED', true)).toBe('stopped')
  expect(mapScriptInstanceStatus('FINISHED', true)).toBe('succeeded')
  expect(mapScriptInstanceStatus('RUNNING', true)).toBe('running')
})

test('undocumented values map to unknown', () => {
  expect(mapScriptInstanceStatus('STOPPED')).toBe('unknown')
  expect(mapScriptInstanceStatus('running')).toBe('unknown')
  expect(mapScriptInstanceStatus(undefined)).toBe('unknown')
})
