import { expect, test } from 'vitest'
import { computeActions } from './actions.js'

test('an operator may stop a running workload but not delete it', () => {
  const a = computeActions({ state: 'running', role: 'operator', isProtected: false })
  expect(a.stop).toEqual({ allowed: true })
  expect(a.delete).toEqual({ allowed: false, reason: 'requires admin role' })
})

test('a viewer is told that stopping requires the operator role', () => {
  expect(computeActions({ state: 'running', role: 'viewer', isProtected: false }).stop).toEqual({
    allowed: false,
    reason: 'requires operator role',
  })
})

test('an admin may delete a stopped workload, not stop it again', () => {
  const a = computeActions({ state: 'stopped', role: 'admin', isProtected: false })
  expect(a.delete).toEqual({ allowed: true })
  expect(a.stop.allowed).toBe(false)
  expect(a.stop.reason).toMatch(/already stopped/)
})

test('transitional and unknown states give clear reasons for both actions', () => {
  expect(
    computeActions({ state: 'stopping', role: 'admin', isProtected: false }).stop.reason,
  ).toMatch(/already in progress/)
  expect(
    computeActions({ state: 'running', role: 'admin', isProtected: false }).delete.reason,
  ).toMatch(/stop it before deleting/)
  expect(
    computeActions({ state: 'unknown', role: 'admin', isProtected: false }).stop.reason,
  ).toMatch(/unknown/)
  expect(computeActions({ state: 'pending', role: 'admin', isProtected: false }).stop.allowed).toBe(
    false,
  )
})

test('protected workloads and unsupported operations are refused with their own reason', () => {
  expect(
    computeActions({ state: 'running', role: 'operator', isProtected: true }).stop.reason,
  ).toMatch(/protected/)
  expect(computeActions({ state: 'running', role: 'admin', isProtected: true }).stop).toEqual({
    allowed: true,
  })
  const a = computeActions({
    state: 'failed',
    role: 'admin',
    isProtected: false,
    deleteUnsupported: 'no delete API',
  })
  expect(a.delete).toEqual({ allowed: false, reason: 'no delete API' })
})

test('a kind-specific block refuses stop with its own reason', () => {
  const a = computeActions({
    state: 'running',
    role: 'admin',
    isProtected: false,
    stopBlocked: 'savepoint in progress',
  })
  expect(a.stop).toEqual({ allowed: false, reason: 'not possible because savepoint in progress' })
})
