import { expect, test, vi } from 'vitest'
import { Bulkhead, BulkheadRefusedError } from './bulkhead.js'

const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'granted',
    (e: unknown) => (e instanceof BulkheadRefusedError ? e.reason : 'other'),
  )

test('grants up to maxConcurrent, queues up to maxQueue, refuses the rest at once', async () => {
  const b = new Bulkhead({ maxConcurrent: 2, maxQueue: 1, maxWaitMs: 1_000 })
  const r1 = await b.acquire()
  await b.acquire()
  const queued = b.acquire()
  expect(await reason(b.acquire())).toBe('full')
  expect([b.inFlight, b.queued]).toEqual([2, 1])
  r1()
  r1() // idempotent: must not free a second slot
  expect(await reason(queued)).toBe('granted')
  expect([b.inFlight, b.queued]).toEqual([2, 0])
})

test('waiters are served in order and a freed slot goes to a waiter, not a newcomer', async () => {
  const b = new Bulkhead({ maxConcurrent: 1, maxQueue: 5, maxWaitMs: 1_000 })
  const release = await b.acquire()
  const order: string[] = []
  const take = (name: string) =>
    b.acquire().then((done) => {
      order.push(name)
      done()
    })
  const waiters = [take('first'), take('second')]
  release()
  const newcomer = take('newcomer')
  await Promise.all([...waiters, newcomer])
  expect(order).toEqual(['first', 'second', 'newcomer'])
  expect([b.inFlight, b.queued]).toEqual([0, 0])
})

test('a waiter gives up after maxWaitMs', async () => {
  vi.useFakeTimers()
  try {
    const b = new Bulkhead({ maxConcurrent: 1, maxQueue: 1, maxWaitMs: 200 })
    await b.acquire()
    const waiting = reason(b.acquire())
    await vi.advanceTimersByTimeAsync(199)
    expect(b.queued).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(await waiting).toBe('wait-expired')
    expect([b.inFlight, b.queued]).toEqual([1, 0])
  } finally {
    vi.useRealTimers()
  }
})

test('aborting a waiter removes it from the queue', async () => {
  const b = new Bulkhead({ maxConcurrent: 1, maxQueue: 1, maxWaitMs: 10_000 })
  const release = await b.acquire()
  const abort = new AbortController()
  const waiting = reason(b.acquire(abort.signal))
  abort.abort()
  expect(await waiting).toBe('aborted')
  release()
  expect([b.inFlight, b.queued]).toEqual([0, 0])
})
