import { expect, test } from 'vitest'
import { BulkDeleteBody, BulkStopBody, WorkloadRef, WorkloadRefParams } from './api.js'
import { parseWorkloadId } from './workload-ids.js'
import type { WorkloadKind } from './workload.js'

const JOB = 'a'.repeat(16) + '0123456789abcdef' // 32 × [0-9a-z]

const GOOD: [WorkloadKind, string][] = [
  ['dli-flink-job', '1'],
  ['dli-flink-job', '9007199254740993'],
  ['dli-flink-job', '9223372036854775807'],
  ['codearts-build', `${JOB}:1`],
  ['codearts-build', `${JOB}:2147483647`],
  ['dataarts-job', 'etl_daily-01'],
  ['dataarts-script-instance', 'report_sql:3f2a9c1e-0b7d-4c11-9a55-6e1f2d3c4b5a'],
  ['modelarts-processor-version', 'qSaudx2sbPvthHygckA1:V0aB9cD8eF7gH6iJ5kL4'],
]

const BAD: [WorkloadKind, string][] = [
  ['dli-flink-job', '0'],
  ['dli-flink-job', '01'],
  ['dli-flink-job', '-1'],
  ['dli-flink-job', '9223372036854775808'], // Long.MAX_VALUE + 1
  ['dli-flink-job', '12345678901234567890'],
  ['dli-flink-job', 'abc'],
  ['codearts-build', `${JOB.slice(1)}:1`], // 31 characters
  ['codearts-build', `${JOB}a:1`], // 33 characters
  ['codearts-build', `${JOB.toUpperCase()}:1`],
  ['codearts-build', `${JOB}:0`],
  ['codearts-build', `${JOB}:01`],
  ['codearts-build', `${JOB}:2147483648`],
  ['codearts-build', JOB],
  ['dataarts-job', 'a'.repeat(129)],
  ['dataarts-job', 'a:b'],
  // Anything that could change the URL it is put into.
  ...['a/b', '..', 'a.b', 'x%2F', 'a b', ''].map((id): [WorkloadKind, string] => [
    'dataarts-job',
    id,
  ]),
  ['codearts-build', `${JOB}:1.5`],
  ['codearts-build', `${JOB}:-1`],
  ['codearts-build', `a/${JOB.slice(2)}:1`],
  ['codearts-build', `${JOB}:1:2`],
  ['dataarts-script-instance', 'x:'],
  ['dataarts-script-instance', 'a.b:c'],
  ['dataarts-script-instance', 'only-one-part'],
  ['dataarts-script-instance', 'a:b:c'],
  ['dataarts-script-instance', ':b'],
  ['modelarts-processor-version', 'task'],
  ['modelarts-processor-version', '-task:v1'],
  ['modelarts-processor-version', `${'t'.repeat(65)}:v1`],
]

test('well-formed ids of every kind parse into their parts', () => {
  for (const [kind, id] of GOOD) expect(parseWorkloadId(kind, id), `${kind} ${id}`).not.toBeNull()
  expect(parseWorkloadId('codearts-build', `${JOB}:17`)).toEqual({
    kind: 'codearts-build',
    jobId: JOB,
    buildNo: 17,
  })
  expect(parseWorkloadId('modelarts-processor-version', 'task1:ver2')).toEqual({
    kind: 'modelarts-processor-version',
    taskId: 'task1',
    versionId: 'ver2',
  })
})

test('ids in the wrong format for their kind are refused, by the parser and the ref schemas', () => {
  for (const [kind, id] of BAD) {
    expect(parseWorkloadId(kind, id), `${kind} ${id}`).toBeNull()
    const res = WorkloadRefParams.safeParse({ kind, target: 'cn-north-4', id })
    expect(res.success, `${kind} ${id}`).toBe(false)
  }
  const res = WorkloadRef.safeParse({ kind: 'dli-flink-job', target: 'cn-north-4', id: '01' })
  expect(res.error?.issues[0]?.path).toEqual(['id'])
  expect(res.error?.issues[0]?.message).toContain('dli-flink-job')
})

test('a bulk or batch body naming one workload twice is refused on the later item', () => {
  const item = { kind: 'dli-flink-job', target: 'cn-north-4', id: '42' } as const
  const other = { ...item, id: '43' }
  const stop = BulkStopBody.safeParse({ reason: 'incident', items: [item, other, item] })
  expect(stop.success).toBe(false)
  expect(stop.error?.issues.map((i) => i.path)).toEqual([['items', 2]])
  expect(BulkStopBody.safeParse({ reason: 'incident', items: [item, other] }).success).toBe(true)
  // Same id on another target or kind is another workload.
  expect(
    BulkStopBody.safeParse({ reason: 'incident', items: [item, { ...item, target: 'eu-west-0' }] })
      .success,
  ).toBe(true)
  const del = BulkDeleteBody.safeParse({
    reason: 'cleanup',
    items: [
      { ...item, confirmName: 'a' },
      { ...item, confirmName: 'b' },
    ],
  })
  expect(del.success).toBe(false)
  expect(del.error?.issues[0]?.message).toContain('duplicate of item 0')
})

test('a malformed item in a bulk body is refused with its index and field', () => {
  const res = BulkStopBody.safeParse({
    reason: 'incident',
    items: [{ kind: 'codearts-build', target: 'cn-north-4', id: `${JOB}:2147483648` }],
  })
  expect(res.error?.issues[0]?.path).toEqual(['items', 0, 'id'])
})
