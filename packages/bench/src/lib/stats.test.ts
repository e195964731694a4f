import { describe, expect, test } from 'vitest'
import { median, percentile, ratio } from './stats.js'

describe('percentile (nearest rank)', () => {
  const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]

  test('picks the nearest-rank sample of the sorted data', () => {
    expect(percentile(samples, 50)).toBe(5)
    expect(percentile(samples, 90)).toBe(9)
    expect(percentile(samples, 99)).toBe(10)
    expect(percentile(samples, 0)).toBe(1)
  })

  test('does not reorder the caller’s array', () => {
    const copy = [...samples]
    percentile(samples, 99)
    expect(samples).toEqual(copy)
  })

  test('is NaN without samples, and median is p50', () => {
    expect(percentile([], 50)).toBeNaN()
    expect(median([3, 1, 2])).toBe(2)
  })
})

test('ratio rounds to two decimals and refuses division by zero', () => {
  expect(ratio(2, 3)).toBe(0.67)
  expect(ratio(1, 0)).toBeNaN()
})
