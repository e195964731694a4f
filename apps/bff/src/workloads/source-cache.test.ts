import { expect, test } from 'vitest'
import { SourceCache } from './source-cache.js'

function deferred() {
  let resolve: (v: string) => void = () => undefined
  const promise = new Promise<string>((r) => (resolve = r))
  return { promise, resolve }
}

test('a listing that started before an invalidation is neither joined nor stored', async () => {
  let now = 0
  const cache = new SourceCache<string>(
    { ttlMs: 1_000, errorTtlMs: 0, now: () => now },
    () => false,
  )
  const old = deferred()
  const loads: string[] = []
  const first = cache.get('k', () => (loads.push('old'), old.promise))
  cache.invalidate('k')
  const second = cache.get('k', () => (loads.push('new'), Promise.resolve('after')))
  old.resolve('before')
  expect(await first).toBe('before')
  expect(await second).toBe('after')
  // The stale answer arriving last did not overwrite the fresh one.
  expect(await cache.get('k', () => Promise.resolve('unexpected'))).toBe('after')
  expect(loads).toEqual(['old', 'new'])
  now = 1_000
  expect(await cache.get('k', () => Promise.resolve('expired'))).toBe('expired')
})

test('failures use their own, shorter TTL; a clock going backwards expires entries', async () => {
  let now = 10_000
  const cache = new SourceCache<string>({ ttlMs: 2_000, errorTtlMs: 100, now: () => now }, (v) =>
    v.startsWith('err'),
  )
  expect(await cache.get('f', () => Promise.resolve('err 1'))).toBe('err 1')
  now += 50
  expect(await cache.get('f', () => Promise.resolve('err 2'))).toBe('err 1')
  now += 60
  expect(await cache.get('f', () => Promise.resolve('ok'))).toBe('ok')
  now -= 5_000
  expect(await cache.get('f', () => Promise.resolve('ok again'))).toBe('ok again')
})
