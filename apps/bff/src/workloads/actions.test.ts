import { expect, test } from 'vitest'
import { computeActions, type ActionInputs } from './actions.js'

const inputs = (over: Partial<ActionInputs>): ActionInputs => ({
  kind: 'dataarts-job',
  state: 'running',
  role: 'operator',
  isProtected: false,
  ...over,
})

test('an operator may stop a running workload but not delete it', () => {
  const a = computeActions(inputs({}))
  expect(a.stop).toEqual({ allowed: true })
  expect(a.delete).toEqual({ allowed: false, reason: 'Delete requires the admin role' })
})

test('a viewer is told that stopping requires the operator role', () => {
  expect(computeActions(inputs({ role: 'viewer' })).stop).toEqual({
    allowed: false,
    reason: 'Stop requires the operator role',
  })
})

test('reasons are sentences that name the verb and what the workload is called', () => {
  const a = computeActions(inputs({ state: 'stopped', role: 'admin' }))
  expect(a.delete).toEqual({ allowed: true })
  expect(a.stop).toEqual({
    allowed: false,
    reason: 'Stop is not possible: the job is already stopped',
  })
  const build = computeActions(inputs({ kind: 'codearts-build', role: 'admin' }))
  expect(build.delete.reason).toBe(
    'Delete is not possible: the build is running; stop it before deleting it',
  )
})

test('transitional and unknown states give clear reasons for both actions', () => {
  const admin = (state: ActionInputs['state']) => computeActions(inputs({ state, role: 'admin' }))
  expect(admin('stopping').stop.reason).toBe('Stop is not possible: a stop is already in progress')
  expect(admin('unknown').stop.reason).toMatch(/^Stop is not possible: .*unknown; refresh/)
  expect(admin('pending').stop.allowed).toBe(false)
  expect(admin('pending').stop.reason).toMatch(/still starting/)
})

test('protected workloads and unsupported operations are refused with their own reason', () => {
  expect(
    computeActions(inputs({ kind: 'modelarts-processor-version', isProtected: true })).stop,
  ).toEqual({
    allowed: false,
    reason: 'Stop is reserved for admins: this version is protected',
  })
  expect(computeActions(inputs({ role: 'admin', isProtected: true })).stop).toEqual({
    allowed: true,
  })
  const a = computeActions(
    inputs({ state: 'failed', role: 'admin', deleteUnsupported: 'there is no delete API' }),
  )
  expect(a.delete).toEqual({
    allowed: false,
    reason: 'Delete is not possible: there is no delete API',
  })
})

test('a kind-specific block refuses stop with its own reason', () => {
  const a = computeActions(inputs({ role: 'admin', stopBlocked: 'a savepoint is being written' }))
  expect(a.stop).toEqual({
    allowed: false,
    reason: 'Stop is not possible: a savepoint is being written',
  })
})
