import { expect, test } from 'vitest'
import { hasRole } from './roles.js'
import { WorkloadIdParam, TargetParam } from './workload.js'
import { StopBody, DeleteBody, BulkStopBody } from './api.js'
import { ERROR_STATUS } from './errors.js'

test('roles are ordered viewer < operator < admin', () => {
  expect(hasRole('admin', 'operator')).toBe(true)
  expect(hasRole('operator', 'operator')).toBe(true)
  expect(hasRole('operator', 'admin')).toBe(false)
  expect(hasRole('viewer', 'operator')).toBe(false)
})

test('workload ids accept plain and composite ids', () => {
  for (const id of ['etl_daily-01', '9007199254740993', 'a1b2:17', 'task-1:ver-2']) {
    expect(WorkloadIdParam.safeParse(id).success, id).toBe(true)
  }
})

test('workload ids reject traversal, encodings, separators and control characters', () => {
  const hostile = [
    '..',
    'a/../b',
    'a%2Fb',
    'a/b',
    'a\\b',
    'a.b',
    'a\nb',
    'a\u0000',
    ':leading',
    '',
    'x'.repeat(201),
    'ａｂ',
    'a\u200bb',
  ]
  for (const id of hostile) {
    expect(WorkloadIdParam.safeParse(id).success, JSON.stringify(id)).toBe(false)
  }
})

test('target names are lowercase slugs', () => {
  expect(TargetParam.safeParse('cn-north-4').success).toBe(true)
  expect(TargetParam.safeParse('CN-North').success).toBe(false)
  expect(TargetParam.safeParse('a/b').success).toBe(false)
})

test('action bodies are strict and need a real reason', () => {
  expect(StopBody.safeParse({ reason: 'incident 42' }).success).toBe(true)
  expect(StopBody.safeParse({ reason: '  ' }).success).toBe(false)
  expect(StopBody.safeParse({ reason: 'incident 42', extra: 1 }).success).toBe(false)
  // A JSON body can carry an own `__proto__` key; strict objects refuse it like any unknown field.
  expect(
    StopBody.safeParse(JSON.parse('{"reason":"incident 42","__proto__":{"admin":true}}')).success,
  ).toBe(false)
  expect(DeleteBody.safeParse({ reason: 'cleanup', confirmName: '' }).success).toBe(false)
  expect(BulkStopBody.safeParse({ reason: 'incident', items: [] }).success).toBe(false)
})

test('every error code maps to a 4xx or 5xx status', () => {
  for (const [code, status] of Object.entries(ERROR_STATUS)) {
    expect(status >= 400 && status < 600, code).toBe(true)
  }
})
