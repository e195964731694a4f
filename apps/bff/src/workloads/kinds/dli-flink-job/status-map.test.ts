import { expect, test } from 'vitest'
import { mapDliFlinkJobStatus } from './status-map.js'

test.each([
  ['job_init', 'stopped'],
  ['job_submitting', 'pending'],
  ['job_submit_fail', 'failed'],
  ['job_running', 'running'],
  ['job_running_exception', 'failed'],
  ['job_downloading', 'pending'],
  ['job_idle', 'pending'],
  ['job_canceling', 'stopping'],
  ['job_cancel_success', 'stopped'],
  ['job_cancel_fail', 'running'],
  ['job_savepointing', 'running'],
  ['job_arrearage_stopped', 'stopped'],
  ['job_arrearage_recovering', 'pending'],
  ['job_finish', 'succeeded'],
] as const)('%s -> %s', (raw, state) => {
  expect(mapDliFlinkJobStatus(raw)).toBe(state)
})

test('job_canceled (not a documented value) and unknown values map to unknown', () => {
  expect(mapDliFlinkJobStatus('job_canceled')).toBe('unknown')
  expect(mapDliFlinkJobStatus('JOB_RUNNING')).toBe('unknown')
  expect(mapDliFlinkJobStatus('')).toBe('unknown')
})
