import { expect, test } from 'vitest'
import { mapLimit } from './paginate.js'

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
