import { expect, onTestFinished, test, vi } from 'vitest'
import { createLogger } from './logger.js'
import { createShutdown, type ClosableServer } from './graceful-shutdown.js'

const log = createLogger({ level: 'silent' })

function fakeServer() {
  let finish: () => void = () => undefined
  const calls: string[] = []
  const server: ClosableServer = {
    close: (cb) => {
      calls.push('close')
      finish = () => cb?.()
    },
    closeIdleConnections: () => calls.push('closeIdle'),
    closeAllConnections: () => calls.push('closeAll'),
  }
  return { server, calls, finishInFlight: () => finish() }
}

test('waits for in-flight requests, then cleans up and exits 0', async () => {
  const { server, calls, finishInFlight } = fakeServer()
  const exits: number[] = []
  const shutdown = createShutdown({
    server,
    log,
    graceMs: 5000,
    exit: (c) => exits.push(c),
    cleanup: () => Promise.resolve(void calls.push('cleanup')),
  })
  const done = shutdown('SIGTERM')
  await Promise.resolve()
  expect(calls).toEqual(['close', 'closeIdle'])
  expect(exits).toEqual([])
  finishInFlight()
  await done
  expect(calls).toEqual(['close', 'closeIdle', 'cleanup'])
  expect(exits).toEqual([0])
  await shutdown('SIGTERM') // a second signal does not start a second shutdown
  expect(exits).toEqual([0])
})

test('cuts connections and exits 1 when the grace period runs out', async () => {
  const { server, calls } = fakeServer()
  const exits: number[] = []
  void createShutdown({
    server,
    log,
    graceMs: 20,
    exit: (c) => exits.push(c),
    cleanup: () => Promise.resolve(),
  })('SIGTERM')
  await new Promise((r) => setTimeout(r, 60))
  expect(calls).toContain('closeAll')
  expect(exits).toEqual([1])
})

test('ends long-lived responses before waiting for the drain', async () => {
  const { server, calls, finishInFlight } = fakeServer()
  const exits: number[] = []
  const shutdown = createShutdown({
    server,
    log,
    graceMs: 5000,
    exit: (c) => exits.push(c),
    beforeDrain: () => {
      calls.push('endStreams')
      finishInFlight() // the open event stream was the only thing holding the drain
    },
    cleanup: () => Promise.resolve(void calls.push('cleanup')),
  })
  await shutdown('SIGTERM')
  expect(calls).toEqual(['close', 'closeIdle', 'endStreams', 'cleanup'])
  expect(exits).toEqual([0])
})

test('SIGTERM turns readiness to 503 first and keeps serving for the drain delay, then closes', async () => {
  vi.useFakeTimers()
  onTestFinished(() => void vi.useRealTimers())
  const { server, calls, finishInFlight } = fakeServer()
  const exits: number[] = []
  const shutdown = createShutdown({
    server,
    log,
    graceMs: 5000,
    drainDelayMs: 3000,
    startDraining: () => void calls.push('draining'),
    exit: (c) => exits.push(c),
    cleanup: () => Promise.resolve(void calls.push('cleanup')),
  })
  const done = shutdown('SIGTERM')
  expect(calls).toEqual(['draining'])
  await vi.advanceTimersByTimeAsync(2999)
  expect(calls).toEqual(['draining']) // still listening: new requests are answered meanwhile
  await vi.advanceTimersByTimeAsync(1)
  expect(calls).toEqual(['draining', 'close', 'closeIdle'])
  finishInFlight()
  await done
  expect(calls.at(-1)).toBe('cleanup')
  expect(exits).toEqual([0])
})

test('SIGINT (Ctrl+C at a terminal) does not wait for the drain delay', async () => {
  const { server, calls, finishInFlight } = fakeServer()
  const shutdown = createShutdown({
    server,
    log,
    graceMs: 5000,
    drainDelayMs: 60_000,
    startDraining: () => void calls.push('draining'),
    exit: () => undefined,
    cleanup: () => Promise.resolve(),
  })
  const done = shutdown('SIGINT')
  await Promise.resolve()
  expect(calls).toEqual(['draining', 'close', 'closeIdle'])
  finishInFlight()
  await done
})
