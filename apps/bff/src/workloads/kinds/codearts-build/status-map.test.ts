import { expect, test } from 'vitest'
import { mapCodeArtsBuildStatus } from './status-map.js'

test.each([
  ['SUCCESS', 'succeeded'],
  ['FAILURE', 'failed'],
  ['ABORTED', 'stopped'],
  ['RUNNING', 'running'],
  ['QUEUED', 'pending'],
  ['success', 'succeeded'],
] as const)('%s -> %s', (raw, state) => {
  expect(mapCodeArtsBuildStatus(raw)).toBe(state)
})

test('a build the job reports as running is running whatever its history result says', () => {
  expect(mapCodeArtsBuildStatus(null, true)).toBe('running')
  expect(mapCodeArtsBuildStatus('', true)).toBe('running')
})

test('unknown or missing results map to unknown', () => {
  expect(mapCodeArtsBuildStatus('blue')).toBe('unknown')
  expect(mapCodeArtsBuildStatus('UNSTABLE')).toBe('unknown')
  expect(mapCodeArtsBuildStatus(null)).toBe('unknown')
})
