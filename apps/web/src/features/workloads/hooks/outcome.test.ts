import { expect, test } from 'vitest'
import { makeWorkload } from '../../../testing/fixtures.js'
import { CONFIRM_TIMEOUT_MS, evaluateOutcome, type ActionSubject } from './outcome.js'

const at = '2026-11-25T10:00:00.000Z'
const stopBy = (outcome?: string) => ({
  action: 'stop' as const,
  actor: 'al',
  at,
  reason: 'r',
  ...(outcome ? { outcome } : {}),
})
const stopJ: ActionSubject = { action: 'stop', name: 'j', kind: 'dli-flink-job', target: 'eu' }
const deleteV2: ActionSubject = {
  action: 'delete',
  name: 'v2',
  kind: 'modelarts-processor-version',
  target: 'ap',
}

test('a stop is done once the workload reaches a terminal state; the toast names kind and target', () => {
  expect(evaluateOutcome(stopJ, makeWorkload({ state: 'stopping' }), false, 1000, at)).toEqual({
    done: false,
  })
  expect(evaluateOutcome(stopJ, makeWorkload({ state: 'stopped' }), false, 1000, at)).toEqual({
    done: true,
    result: 'done',
    tone: 'success',
    title: 'DLI Flink job j is stopped',
    body: 'In target eu.',
  })
})

test('the watcher outcome "unknown" reads as stop not confirmed', () => {
  const w = makeWorkload({ state: 'stopping', lastAction: stopBy('unknown') })
  expect(evaluateOutcome(stopJ, w, false, 1000, at)).toMatchObject({
    done: true,
    result: 'unconfirmed',
    title: 'Stop of DLI Flink job j not confirmed',
  })
})

test("an older action's outcome is not taken for ours", () => {
  const w = makeWorkload({ state: 'stopping', lastAction: stopBy('unknown') })
  expect(evaluateOutcome(stopJ, w, false, 1000, '2026-11-25T11:00:00.000Z')).toEqual({
    done: false,
  })
})

test('a failed stop and a timeout are reported', () => {
  const failed = makeWorkload({ state: 'running', lastAction: stopBy('failure') })
  expect(evaluateOutcome(stopJ, failed, false, 1000, at)).toMatchObject({
    done: true,
    result: 'failed',
    tone: 'error',
    title: 'Stop of DLI Flink job j failed',
  })
  const slow = makeWorkload({ state: 'stopping', lastAction: stopBy('success') })
  expect(evaluateOutcome(stopJ, slow, false, CONFIRM_TIMEOUT_MS + 1, at)).toMatchObject({
    done: true,
    result: 'unconfirmed',
    body: 'In target eu. It is still stopping.',
  })
})

test('a delete is done when the workload is no longer listed', () => {
  expect(evaluateOutcome(deleteV2, undefined, true, 1000)).toMatchObject({
    done: true,
    title: 'ModelArts processor version v2 is deleted',
  })
  expect(evaluateOutcome(deleteV2, makeWorkload({ state: 'deleting' }), false, 1000)).toEqual({
    done: false,
  })
})
