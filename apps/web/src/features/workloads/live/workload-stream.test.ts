import type { WorkloadChanges } from '@ops-console/contracts'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { FakeEventSource, READY } from '../../../testing/fake-event-source.js'
import { makeWorkload } from '../../../testing/fixtures.js'
import { connectWorkloadStream, type StreamHandlers } from './workload-stream.js'

beforeEach(() => {
  vi.useFakeTimers()
  FakeEventSource.reset()
})
afterEach(() => vi.useRealTimers())

function connect(overrides: Partial<StreamHandlers> = {}) {
  const modes: string[] = []
  const handlers: StreamHandlers = {
    mode: (m) => modes.push(m),
    ready: vi.fn(),
    changes: vi.fn(),
    source: vi.fn(),
    unreadable: vi.fn(),
    ...overrides,
  }
  const stop = connectWorkloadStream(handlers, {
    url: 'http://localhost:3000/api/workloads/stream',
    createEventSource: (url) => new FakeEventSource(url) as unknown as EventSource,
    backoffMs: [1000, 4000],
    connectTimeoutMs: 5000,
  })
  return { modes, handlers, stop }
}

test('goes live on ready and hands over parsed change events', () => {
  const { modes, handlers } = connect()
  expect(FakeEventSource.latest().url).toBe('http://localhost:3000/api/workloads/stream')
  expect(modes).toEqual(['connecting'])
  FakeEventSource.latest().emit('ready', READY)
  expect(modes).toEqual(['connecting', 'live'])
  expect(handlers.ready).toHaveBeenCalledWith(READY, false)
  const changes: WorkloadChanges = {
    target: 'prod-eu',
    kind: 'dli-flink-job',
    changed: [makeWorkload({ state: 'stopping' })],
    removed: ['9'],
    at: '2026-11-25T10:00:00.000Z',
  }
  FakeEventSource.latest().emit('workloads', changes)
  expect(handlers.changes).toHaveBeenCalledWith(changes)
  FakeEventSource.latest().emit('workloads', { target: 'prod-eu' })
  expect(handlers.unreadable).toHaveBeenCalledTimes(1)
})

test('an error falls back to polling, reconnects with growing backoff, and a later ready is a resume', () => {
  const { modes, handlers } = connect()
  const first = FakeEventSource.latest()
  first.emit('ready', READY)
  first.fail()
  expect(first.closed).toBe(true)
  expect(modes.at(-1)).toBe('polling')
  vi.advanceTimersByTime(999)
  expect(FakeEventSource.instances).toHaveLength(1)
  vi.advanceTimersByTime(1)
  expect(FakeEventSource.instances).toHaveLength(2)
  FakeEventSource.latest().fail()
  vi.advanceTimersByTime(3999)
  expect(FakeEventSource.instances).toHaveLength(2)
  vi.advanceTimersByTime(1)
  expect(FakeEventSource.instances).toHaveLength(3)
  FakeEventSource.latest().emit('ready', READY)
  expect(modes.at(-1)).toBe('live')
  expect(handlers.ready).toHaveBeenLastCalledWith(READY, true)
  // A ready resets the backoff.
  FakeEventSource.latest().fail()
  vi.advanceTimersByTime(1000)
  expect(FakeEventSource.instances).toHaveLength(4)
})

test('silence longer than two heartbeats counts as a drop; heartbeats keep it alive', () => {
  const { modes } = connect()
  FakeEventSource.latest().emit('ready', READY)
  vi.advanceTimersByTime(29_000)
  FakeEventSource.latest().emit('heartbeat', { at: 'now' })
  vi.advanceTimersByTime(29_000)
  expect(modes.at(-1)).toBe('live')
  vi.advanceTimersByTime(1_000)
  expect(modes.at(-1)).toBe('polling')
  expect(FakeEventSource.instances[0]?.closed).toBe(true)
})

test('no ready within the connect timeout falls back to polling', () => {
  const { modes } = connect()
  vi.advanceTimersByTime(5000)
  expect(modes).toEqual(['connecting', 'polling'])
})

test('disconnecting closes the stream and cancels a pending reconnect', () => {
  const { stop } = connect()
  FakeEventSource.latest().fail()
  stop()
  vi.advanceTimersByTime(60_000)
  expect(FakeEventSource.instances).toHaveLength(1)
})
