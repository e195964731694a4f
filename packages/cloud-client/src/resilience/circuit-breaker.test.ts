import { expect, test } from 'vitest'
import { CircuitBreaker, PROBE_IN_FLIGHT_RETRY_MS } from './circuit-breaker.js'

function breaker(threshold = 3, windowMs = 10_000, coolDownMs = 5_000) {
  const clock = { t: 1_000 }
  return {
    clock,
    b: new CircuitBreaker({ failureThreshold: threshold, windowMs, coolDownMs }, () => clock.t),
  }
}

function fail(b: CircuitBreaker, times: number) {
  for (let i = 0; i < times; i++) b.record(b.admit()!, 'unhealthy')
}

test('opens after N consecutive unhealthy attempts; a healthy one in between resets the streak', () => {
  const { b } = breaker()
  fail(b, 2)
  b.record(b.admit()!, 'healthy')
  fail(b, 2)
  expect(b.state).toBe('closed')
  expect(b.failures).toBe(2)
  fail(b, 1)
  expect(b.state).toBe('open')
  expect(b.admit()).toBeNull()
})

test('ignored attempts (caller aborts) neither count nor reset', () => {
  const { b } = breaker()
  fail(b, 2)
  b.record(b.admit()!, 'ignore')
  expect(b.failures).toBe(2)
  fail(b, 1)
  expect(b.state).toBe('open')
})

test('a streak older than the window starts over', () => {
  const { b, clock } = breaker(3, 10_000)
  fail(b, 2)
  clock.t += 10_001
  fail(b, 2)
  expect(b.state).toBe('closed')
  expect(b.failures).toBe(2)
  fail(b, 1)
  expect(b.state).toBe('open')
})

test('refusal is the remaining cool-down; afterwards half-open admits exactly one probe', () => {
  const { b, clock } = breaker(1, 10_000, 5_000)
  fail(b, 1)
  expect(b.openedSince).toBe(1_000)
  clock.t += 2_000
  expect(b.refusal()).toBe(3_000)
  clock.t += 3_000
  expect(b.state).toBe('half-open')
  const probe = b.admit()
  expect(probe).toEqual({ probe: true })
  expect(b.admit()).toBeNull()
  expect(b.refusal()).toBe(PROBE_IN_FLIGHT_RETRY_MS)
  b.record(probe!, 'healthy')
  expect(b.state).toBe('closed')
  expect(b.openedSince).toBeNull()
  expect(b.admit()).toEqual({ probe: false })
})

test('a failing probe re-opens for a full cool-down; an ignored probe lets the next call probe', () => {
  const { b, clock } = breaker(1, 10_000, 5_000)
  fail(b, 1)
  clock.t += 5_000
  b.record(b.admit()!, 'unhealthy')
  expect(b.state).toBe('open')
  expect(b.refusal()).toBe(5_000)
  clock.t += 5_000
  b.record(b.admit()!, 'ignore')
  expect(b.state).toBe('half-open')
  expect(b.admit()).toEqual({ probe: true })
})

test('late answers of calls admitted before the breaker opened change nothing', () => {
  const { b, clock } = breaker(2, 10_000, 5_000)
  const early = b.admit()!
  fail(b, 2)
  b.record(early, 'healthy')
  expect(b.state).toBe('open')
  clock.t += 5_000
  const probe = b.admit()!
  b.record(early, 'unhealthy')
  expect(b.state).toBe('half-open')
  b.record(probe, 'healthy')
  expect(b.state).toBe('closed')
})
