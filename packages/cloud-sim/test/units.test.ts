import { expect, test } from 'vitest'
import { canonicalQuery, canonicalUri, parseSdkDate } from '../src/auth/aksk-verify.js'
import { longNumber, parseJson, stringifyJson } from '@ops-console/lossless-json'
import { idFromJson } from '../src/services/dli.js'
import { reschedule, statusAt, timeline } from '../src/world/timeline.js'

test('lossless JSON as the simulator reads it: big integers survive both ways, no trailing commas', () => {
  const text = '{"job_ids":[9007199254740993, 12, "34", 1.5],"x":{"y":[true,null,"a\\"b"]}}'
  const parsed = parseJson(text) as { job_ids: (string | number)[]; x: unknown }
  expect(parsed.job_ids).toEqual(['9007199254740993', 12, '34', 1.5])
  expect(parsed.x).toEqual({ y: [true, null, 'a"b'] })
  expect(parsed.job_ids.map((v) => idFromJson(v))).toEqual(['9007199254740993', '12', '34', null])
  expect(stringifyJson({ id: longNumber('18446744073709551615'), s: 'x', skip: undefined })).toBe(
    '{"id":18446744073709551615,"s":"x"}',
  )
  expect(() => parseJson('{"a":1,}')).toThrow(SyntaxError)
  expect(() => parseJson('[1] 2')).toThrow(SyntaxError)
})

test('canonical URI and query per §1.3', () => {
  expect(canonicalUri('/dli/v1.0/abc/streaming/jobs')).toBe('/dli/v1.0/abc/streaming/jobs/')
  expect(canonicalUri('/v1/p/jobs/my%20job(1)')).toBe('/v1/p/jobs/my%20job%281%29/')
  expect(canonicalQuery('?b=2&a=z&a=y&c=%7e&d')).toBe('a=y&a=z&b=2&c=~&d=')
  expect(canonicalQuery('')).toBe('')
  expect(parseSdkDate('20191115T033655Z')).toBe(Date.UTC(2019, 10, 15, 3, 36, 55))
  expect(parseSdkDate('2019-11-15')).toBeNull()
})

test('timeline resolves lazily and reschedule drops future steps', () => {
  const t = timeline('a', 0, { at: 10, status: 'b' }, { at: 20, status: 'c' })
  expect([statusAt(t, -5), statusAt(t, 9), statusAt(t, 10), statusAt(t, 25)]).toEqual([
    'a',
    'a',
    'b',
    'c',
  ])
  reschedule(t, 12, [{ at: 15, status: 'x' }])
  expect([statusAt(t, 14), statusAt(t, 30)]).toEqual(['b', 'x'])
})
