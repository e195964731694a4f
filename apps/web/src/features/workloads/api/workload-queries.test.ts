import { expect, test } from 'vitest'
import { parseRefKey, refKey } from './workload-queries.js'

test('a ?open= link names a workload only when its id is well formed for its kind (as the BFF checks)', () => {
  const job = `${'a'.repeat(16)}0123456789abcdef`
  for (const ref of [
    { kind: 'dli-flink-job', target: 'prod-eu', id: '9007199254740993' },
    { kind: 'codearts-build', target: 'prod-eu', id: `${job}:17` },
    { kind: 'modelarts-processor-version', target: 'prod-eu', id: 'task1:ver2' },
  ] as const)
    expect(parseRefKey(refKey(ref))).toEqual(ref)
  for (const key of [
    'dli-flink-job/prod-eu/01',
    'dli-flink-job/prod-eu/0',
    `codearts-build/prod-eu/${job.toUpperCase()}:1`,
    `codearts-build/prod-eu/${job}:2147483648`,
    'modelarts-processor-version/prod-eu/only-task',
    'no-such-kind/prod-eu/1',
    'dli-flink-job/Prod EU/1',
    'dli-flink-job/prod-eu/1/extra',
    '',
  ])
    expect(parseRefKey(key), key).toBeNull()
})
