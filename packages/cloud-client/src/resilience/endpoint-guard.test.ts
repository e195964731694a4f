import { expect, test } from 'vitest'
import { CloudError, type CloudErrorKind } from '../errors.js'
import { verdictOf } from './endpoint-guard.js'
import { createResilienceRegistry } from './resilience-registry.js'

const error = (kind: CloudErrorKind, status: number | null = null) =>
  new CloudError({ service: 'dli', operation: 'op', kind, status, message: 'x' })

test('only missing answers, 5xx and 429 count against a service', () => {
  expect(verdictOf(null, false)).toBe('healthy')
  expect(verdictOf(error('timeout'), false)).toBe('unhealthy')
  expect(verdictOf(error('network'), false)).toBe('unhealthy')
  expect(verdictOf(error('http', 503), false)).toBe('unhealthy')
  expect(verdictOf(error('http', 429), false)).toBe('unhealthy')
  for (const status of [400, 401, 403, 404, 409])
    expect(verdictOf(error('http', status), false)).toBe('healthy')
  expect(verdictOf(error('redirect', 302), false)).toBe('healthy')
  expect(verdictOf(error('parse', 200), false)).toBe('healthy')
  expect(verdictOf(error('network'), true)).toBe('ignore')
})

test('a call queued when the breaker opens is refused, not sent; refusals hold no slot', async () => {
  const clock = { t: 0 }
  const registry = createResilienceRegistry({
    now: () => clock.t,
    breaker: { failureThreshold: 1, coolDownMs: 1_000 },
    bulkhead: { maxConcurrent: 2, maxQueue: 1, maxWaitMs: 60_000 },
  })
  const guard = registry.guard('dli', 'https://dli.example')
  expect(registry.guard('dli', 'https://dli.example')).toBe(guard)
  const [a, b] = [await guard.enter('a'), await guard.enter('b')]
  const queued = guard.enter('queued')
  await expect(guard.enter('d')).rejects.toMatchObject({
    kind: 'bulkhead-full',
    operation: 'd',
    retryable: true,
  })
  a.finish('unhealthy')
  await expect(queued).rejects.toMatchObject({
    kind: 'circuit-open',
    operation: 'queued',
    retryAfterMs: 1_000,
  })
  clock.t = 400
  await expect(guard.enter('e')).rejects.toMatchObject({ kind: 'circuit-open', retryAfterMs: 600 })
  b.finish('healthy') // a late answer of a call admitted before the breaker opened
  expect(registry.snapshot()).toEqual([
    {
      service: 'dli',
      base: 'https://dli.example',
      state: 'open',
      failures: 1,
      openedAt: 0,
      inFlight: 0,
      queued: 0,
    },
  ])
})

test('a registry that would refuse every call is rejected up front', () => {
  expect(() => createResilienceRegistry({ breaker: { failureThreshold: 0 } })).toThrow(RangeError)
  expect(() => createResilienceRegistry({ bulkhead: { maxConcurrent: 0 } })).toThrow(RangeError)
  expect(createResilienceRegistry().snapshot()).toEqual([])
})
