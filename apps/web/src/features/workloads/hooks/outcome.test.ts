import { expect, test } from 'vitest'
import { makeWorkload } from '../../../testing/fixtures.js'
import { CONFIRM_TIMEOUT_MS, evaluateOutcome } from './outcome.js'

const at = '2026-11-25T10:00:00.000Z'
const stopBy = (outcome?: string) => ({
  action: 'stop' as const,
  actor: 'al',
  at,
  reason: 'r',
  ...(outcome ? { outcome } : {}),
})

test('a stop is done once the workload reaches a terminal state', () => {
  expect(
    evaluateOutcome('stop', 'j', makeWorkload({ state: 'stopping' }), false, 1000, at),
  ).toEqual({ done: false })
  expect(
    evaluateOutcome('stop', 'j', makeWorkload({ state: 'stopped' }), false, 1000, at),
  ).toMatchObject({ done: true, tone: 'success', title: 'j is stopped' })
})

test('the watcher outcome "unknown" reads as stop not confirmed', () => {
  const w = makeWorkload({ state: 'stopping', lastAction: stopBy('unknown') })
  expect(evaluateOutcome('stop', 'j', w, false, 1000, at)).toMatchObject({
    done: true,
    title: 'Stop not confirmed',
  })
})

test("an older action's outcome is not taken for ours", () => {
  const w = makeWorkload({ state: 'stopping', lastAction: stopBy('unknown') })
  expect(evaluateOutcome('stop', 'j', w, false, 1000, '2026-11-25T11:00:00.000Z')).toEqual({
    done: false,
  })
})

test('a failed stop and a timeout are reported', () => {
  const failed = makeWorkload({ state: 'running', lastAction: stopBy('failure') })
  expect(evaluateOutcome('stop', 'j', failed, false, 1000, at)).toMatchObject({
    done: true,
    tone: 'error',
  })
  const slow = makeWorkload({ state: 'stopping', lastAction: stopBy('success') })
  expect(evaluateOutcome('stop', 'j', slow, false, CONFIRM_TIMEOUT_MS + 1, at)).toMatchObject({
    done: true,
    title: 'Stop not confirmed',
  })
})

test('a delete is done when the workload is no longer listed', () => {
  expect(evaluateOutcome('delete', 'v2', undefined, true, 1000)).toMatchObject({
    done: true,
    title: 'Deleted v2',
  })
  expect(evaluateOutcome('delete', 'v2', makeWorkload({ state: 'deleting' }), false, 1000)).toEqual(
    { done: false },
  )
})
