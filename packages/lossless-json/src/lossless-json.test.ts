import fc from 'fast-check'
import { expect, test } from 'vitest'
import { isJsonLong, JsonSyntaxError, longNumber, parseJson, stringifyJson } from './index.js'

test('integers beyond 2^53 stay exact strings; safe numbers stay numbers', () => {
  expect(
    parseJson(
      '{"job_id": 9007199254740993, "n": 42, "f": 0.3, "neg": -9007199254740993, "big": 1e300}',
    ),
  ).toEqual({
    job_id: '9007199254740993',
    n: 42,
    f: 0.3,
    neg: '-9007199254740993',
    big: 1e300,
  })
  expect(parseJson('[9007199254740991, 12345678901234567.5, "9007199254740993"]')).toEqual([
    9007199254740991,
    Number('12345678901234567.5'),
    '9007199254740993',
  ])
})

test('trailing commas from the documentation examples are tolerated on request, commas inside strings are kept', () => {
  const tolerant = { tolerateTrailingCommas: true }
  expect(
    parseJson('{"is_success": "true", "message": "The job is deleted successfully.",\n}', tolerant),
  ).toEqual({
    is_success: 'true',
    message: 'The job is deleted successfully.',
  })
  expect(parseJson('[{"a":1},]', tolerant)).toEqual([{ a: 1 }])
  expect(parseJson('{"m": "a,]\\",}", "id": 9007199254740993,}', tolerant)).toEqual({
    m: 'a,]",}',
    id: '9007199254740993',
  })
  expect(() => parseJson('[,]', tolerant)).toThrow(JsonSyntaxError)
  expect(() => parseJson('{"a":1,}')).toThrow(JsonSyntaxError)
})

test('agrees with JSON.parse on arbitrary JSON without unsafe integers', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const text = JSON.stringify(value)
      const hasUnsafe = /(?<![.\deE+-])-?\d{16,}(?![.\deE])/.test(text)
      fc.pre(!hasUnsafe)
      expect(parseJson(text)).toEqual(JSON.parse(text))
    }),
    { seed: 7, numRuns: 300 },
  )
})

test('every integer literal round-trips exactly, however long', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), (n) => {
      const digits = n.toString()
      const parsed = parseJson(`{"id":${digits}}`) as { id: number | string }
      expect(String(parsed.id)).toBe(digits)
      expect(stringifyJson({ id: longNumber(digits) })).toBe(`{"id":${digits}}`)
    }),
    { seed: 11, numRuns: 300 },
  )
})

test('invalid JSON is rejected with JsonSyntaxError', () => {
  for (const bad of [
    '',
    '{',
    '{"a" 1}',
    '[1 2]',
    'nul',
    '"\\x"',
    '{"a":1} x',
    '<html>',
    '[,]',
    '{"a":"\u0001"}',
  ]) {
    expect(() => parseJson(bad, { tolerateTrailingCommas: true }), bad).toThrow(JsonSyntaxError)
  }
})

test('__proto__ keys become plain data', () => {
  const parsed = parseJson('{"__proto__": {"polluted": true}, "n": 9007199254740993}') as Record<
    string,
    unknown
  >
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.keys(parsed)).toEqual(['__proto__', 'n'])
  expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
})

test('longNumber is written as a number literal, round-tripping through the parser', () => {
  const body = stringifyJson({
    job_ids: [longNumber('9007199254740993'), longNumber('12')],
    trigger_savepoint: false,
    skip: undefined,
  })
  expect(body).toBe('{"job_ids":[9007199254740993,12],"trigger_savepoint":false}')
  expect(parseJson(body)).toEqual({ job_ids: ['9007199254740993', 12], trigger_savepoint: false })
  expect(() => longNumber('12a')).toThrow(TypeError)
  expect(() => longNumber('1e5')).toThrow(TypeError)
})

test("longs: 'raw' keeps unsafe integers as JsonLong, so a parse and a write reproduce the number literal", () => {
  const text = '{"job_ids":[9007199254740993,12,"34"],"n":1.5}'
  const parsed = parseJson(text, { longs: 'raw' })
  const ids = (parsed as { job_ids: unknown[] }).job_ids
  expect(isJsonLong(ids[0])).toBe(true)
  expect(isJsonLong(ids[1])).toBe(false)
  expect(stringifyJson(parsed)).toBe(text)
})
