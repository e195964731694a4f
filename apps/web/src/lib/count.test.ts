import { expect, test } from 'vitest'
import { count, formatNumber, noun, WORKLOADS } from './count.js'

// The test environment's default locale is en-US (jsdom under Node's full ICU).
test('count picks the plural form and groups digits', () => {
  expect(count(0, WORKLOADS)).toBe('0 workloads')
  expect(count(1, WORKLOADS)).toBe('1 workload')
  expect(count(2, WORKLOADS)).toBe('2 workloads')
  expect(count(11521, WORKLOADS)).toBe('11,521 workloads')
  expect(formatNumber(1234567)).toBe('1,234,567')
  expect(noun(1, { one: 'build', other: 'builds' })).toBe('build')
  expect(noun(5, { one: 'build', other: 'builds' })).toBe('builds')
})
