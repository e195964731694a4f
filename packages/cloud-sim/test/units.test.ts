import { expect, test } from 'vitest'
import { canonicalQuery, canonicalUri, parseSdkDate } from '../src/auth/aksk-verify.js'
import { idFromJson, parseLossless, rawNumber, RawNumber, toJson } from '../src/json.js'
import { reschedule, statusAt, timeline } from '../src/world/timeline.js'

test('lossless JSON: big integers survive both ways; small numbers stay numbers', () => {
  const text = '{"job_ids":[9007199254740993, 12, "34", 1.5],"x":{"y":[true,null,"a\\"b"]}}'
  const parsed = parseLossless(text) as { job_ids: unknown[]; x: unknown }
  expect(parsed.job_ids[0]).toEqual(new RawNumber('9007199254740993'))
  expect(parsed.job_ids.slice(1)).toEqual([12, '34', 1.5])
  expect(parsed.x).toEqual({ y: [true, null, 'a"b'] })
  expect(parsed.job_ids.map((v) => idFromJson(v as never))).toEqual(['9007199254740993', '12', '34', null])
  expect(toJson({ id: rawNumber('18446744073709551615'), s: 'x', skip: undefined })).toBe('{"id":18446744073709551615,"s":"x"}')
  expect(() => parseLossless('{"a":1,}')).toThrow(SyntaxError)
  expect(() => parseLossless('[1] 2')).toThrow(SyntaxError)
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
  expect([statusAt(t, -5), statusAt(t, 9), statusAt(t, 10), statusAt(t, 25)]).toEqual(['a', 'a', 'b', 'c'])
  reschedule(t, 12, [{ at: 15, status: 'x' }])
  expect([statusAt(t, 14), statusAt(t, 30)]).toEqual(['b', 'x'])
})
