import fc from 'fast-check'
import { expect, test } from 'vitest'
import { JsonSyntaxError, parseJsonLossless } from './lossless-parse.js'
import { JsonLong, stringifyJson } from './lossless-stringify.js'

test('integers beyond 2^53 stay exact strings; safe numbers stay numbers', () => {
  expect(parseJsonLossless('{"job_id": 9007199254740993, "n": 42, "f": 0.3, "neg": -9007199254740993}')).toEqual({
    job_id: '9007199254740993',
    n: 42,
    f: 0.3,
    neg: '-9007199254740993',
  })
})

test('trailing commas from the documentation examples are tolerated', () => {
  expect(parseJsonLossless('{"is_success": "true", "message": "The job is deleted successfully.",\n}')).toEqual({
    is_success: 'true',
    message: 'The job is deleted successfully.',
  })
  expect(parseJsonLossless('[{"a":1},]')).toEqual([{ a: 1 }])
})

test('agrees with JSON.parse on arbitrary JSON without unsafe integers', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const text = JSON.stringify(value)
      const expected: unknown = JSON.parse(text)
      const hasUnsafe = /(?<![.\deE+-])-?\d{16,}(?![.\deE])/.test(text)
      fc.pre(!hasUnsafe)
      expect(parseJsonLossless(text)).toEqual(expected)
    }),
    { seed: 7, numRuns: 300 },
  )
})

test('invalid JSON is rejected with JsonSyntaxError', () => {
  for (const bad of ['', '{', '{"a" 1}', '[1 2]', 'nul', '"\\x"', '{"a":1} x', '<html>']) {
    expect(() => parseJsonLossless(bad), bad).toThrow(JsonSyntaxError)
  }
})

test('__proto__ keys become plain data', () => {
  const parsed = parseJsonLossless('{"__proto__": {"polluted": true}}') as Record<string, unknown>
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.keys(parsed)).toEqual(['__proto__'])
})

test('JsonLong is written as a number literal, round-tripping through the parser', () => {
  const body = stringifyJson({ job_ids: [new JsonLong('9007199254740993'), new JsonLong('12')], trigger_savepoint: false, skip: undefined })
  expect(body).toBe('{"job_ids":[9007199254740993,12],"trigger_savepoint":false}')
  expect(parseJsonLossless(body)).toEqual({ job_ids: ['9007199254740993', 12], trigger_savepoint: false })
  expect(() => new JsonLong('12a')).toThrow(TypeError)
})
