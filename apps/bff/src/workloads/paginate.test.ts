import { expect, test } from 'vitest'
import { mapLimit, paginateAll } from './paginate.js'

test('paginateAll reads the first page, then every remaining page, in order', async () => {
  const all = Array.from({ length: 23 }, (_, i) => i)
  const asked: number[] = []
  const items = await paginateAll(
    (page) => {
      asked.push(page)
      return Promise.resolve({ items: all.slice(page * 10, page * 10 + 10), total: all.length })
    },
    { pageSize: 10 },
  )
  expect(items).toEqual(all)
  expect(asked.sort()).toEqual([0, 1, 2])
})

test('paginateAll stops after the first page when it holds everything', async () => {
  let calls = 0
  const items = await paginateAll(
    () => {
      calls++
      return Promise.resolve({ items: [1, 2], total: 2 })
    },
    { pageSize: 10 },
  )
  expect(items).toEqual([1, 2])
  expect(calls).toBe(1)
})

test('mapLimit never runs more than the limit at once', async () => {
  let inFlight = 0
  let peak = 0
  const out = await mapLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
    inFlight++
    peak = Math.max(peak, inFlight)
    await new Promise((r) => setTimeout(r, 2))
    inFlight--
    return n * 2
  })
  expect(out).toEqual([2, 4, 6, 8, 10, 12])
  expect(peak).toBe(2)
})
