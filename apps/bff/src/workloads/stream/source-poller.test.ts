import { afterEach, expect, test, vi } from 'vitest'
import type { SourceStatus, WorkloadState } from '@ops-console/contracts'
import {
  SourcePoller,
  type LiveWorkload,
  type PollListener,
  type SourceChanges,
} from './source-poller.js'

const ok: SourceStatus = {
  target: 't',
  kind: 'dli-flink-job',
  ok: true,
  count: 0,
  fetchedAt: 'now',
}
const down: SourceStatus = {
  ...ok,
  ok: false,
  error: { code: 'UPSTREAM_UNAVAILABLE', message: 'x' },
}

function job(id: string, state: WorkloadState): LiveWorkload {
  return {
    kind: 'dli-flink-job',
    target: 't',
    id,
    name: id,
    owner: null,
    startedAt: null,
    updatedAt: null,
    state,
    rawStatus: state,
    extra: {},
    raw: {},
    lastAction: null,
  }
}

function recorder() {
  const changes: SourceChanges[] = []
  const sources: SourceStatus[] = []
  const listener: PollListener = { changes: (c) => changes.push(c), source: (s) => sources.push(s) }
  return { changes, sources, listener }
}

afterEach(() => vi.useRealTimers())

test('baseline first, then only differences; a failed poll neither removes nor reports workloads', async () => {
  vi.useFakeTimers()
  const answers: { status: SourceStatus; items: LiveWorkload[] }[] = [
    { status: ok, items: [job('1', 'running'), job('2', 'running')] },
    { status: ok, items: [job('1', 'running'), job('2', 'running')] },
    { status: down, items: [] },
    { status: ok, items: [job('1', 'stopping'), job('3', 'pending')] },
  ]
  const poller = new SourcePoller(
    't',
    'dli-flink-job',
    () => Promise.resolve(answers.shift() ?? { status: ok, items: [] }),
    { pollMs: 1_000, fastPollMs: 100 },
    () => undefined,
  )
  const r = recorder()
  poller.add(r.listener)
  await vi.advanceTimersByTimeAsync(0)
  expect(r.changes).toEqual([])
  await vi.advanceTimersByTimeAsync(1_000)
  expect(r.changes).toEqual([])
  await vi.advanceTimersByTimeAsync(1_000)
  expect(r.sources).toEqual([down])
  // A late subscriber hears about the failure at once.
  const late = recorder()
  poller.add(late.listener)
  expect(late.sources).toEqual([down])
  await vi.advanceTimersByTimeAsync(1_000)
  expect(r.sources).toEqual([down, ok])
  expect(r.changes).toHaveLength(1)
  expect(r.changes[0]?.changed.map((w) => [w.id, w.state])).toEqual([
    ['1', 'stopping'],
    ['3', 'pending'],
  ])
  expect(r.changes[0]?.removed).toEqual(['2'])
  expect(poller.polls).toBe(4)
  // Transitional workloads: the next poll comes after fastPollMs, not pollMs.
  await vi.advanceTimersByTimeAsync(100)
  expect(poller.polls).toBe(5)
  // The last listener leaving stops the polling.
  expect(poller.remove(r.listener)).toBe(false)
  expect(poller.remove(late.listener)).toBe(true)
  await vi.advanceTimersByTimeAsync(10_000)
  expect(poller.polls).toBe(5)
})
