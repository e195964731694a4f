import { expect, test } from 'vitest'
import { isProtectedWorkload } from './protected-workloads.js'

const config = {
  protectedWorkloads: [
    { namePattern: 'billing-*' },
    { target: 'prod-eu', namePattern: 'etl-?' },
    { namePattern: 'a.b' },
  ],
}

test('glob patterns match whole names, optionally only in one target', () => {
  const cases: [string, string, boolean][] = [
    ['any', 'billing-daily', true],
    ['any', 'my-billing-daily', false],
    ['prod-eu', 'etl-1', true],
    ['prod-eu', 'etl-12', false],
    ['dev', 'etl-1', false],
    ['any', 'a.b', true],
    ['any', 'axb', false], // `.` is literal, not a regex wildcard
  ]
  expect(
    cases.map(([target, name]) => [target, name, isProtectedWorkload(config, { target, name })]),
  ).toEqual(cases)
})
