/**
 * A small JSON parser that keeps integers outside the IEEE-754 safe range exact by returning them as
 * decimal strings (e.g. DLI `job_id` 9007199254740993). `JSON.parse` would silently round them, and
 * Node 20 has no reviver access to the source text. It also tolerates trailing commas, which several
 * Huawei documentation examples contain (DLI delete / batch delete).
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError'
}

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const WS_RE = /[ \t\n\r]*/y

export function parseJsonLossless(text: string): JsonValue {
  let pos = 0

  const fail = (what: string): never => {
    throw new JsonSyntaxError(`Invalid JSON at position ${pos}: ${what}`)
  }
  const skipWs = (): void => {
    WS_RE.lastIndex = pos
    WS_RE.exec(text)
    pos = WS_RE.lastIndex
  }
  const expect = (ch: string): void => {
    if (text[pos] !== ch) fail(`expected '${ch}'`)
    pos++
  }

  const parseString = (): string => {
    expect('"')
    let out = ''
    let start = pos
    for (;;) {
      const ch = text[pos]
      if (ch === undefined) return fail('unterminated string')
      if (ch === '"') break
      if (ch < ' ') fail('control character in string')
      if (ch !== '\\') {
        pos++
        continue
      }
      out += text.slice(start, pos)
      const esc = text[pos + 1]
      pos += 2
      if (esc === 'u') {
        const hex = text.slice(pos, pos + 4)
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad unicode escape')
        out += String.fromCharCode(parseInt(hex, 16))
        pos += 4
      } else {
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        const mapped = esc === undefined ? undefined : map[esc]
        if (mapped === undefined) fail('bad escape')
        out += mapped
      }
      start = pos
    }
    out += text.slice(start, pos)
    pos++
    return out
  }

  const parseNumber = (): number | string => {
    NUMBER_RE.lastIndex = pos
    const m = NUMBER_RE.exec(text)
    if (!m) return fail('bad number')
    pos = NUMBER_RE.lastIndex
    const literal = m[0]
    const value = Number(literal)
    // Integers that a double cannot hold exactly stay strings: ids must survive byte for byte.
    if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(value)) return literal
    return value
  }

  const parseLiteral = (word: string, value: JsonValue): JsonValue => {
    if (text.startsWith(word, pos)) {
      pos += word.length
      return value
    }
    return fail('unexpected token')
  }

  const parseValue = (): JsonValue => {
    skipWs()
    const ch = text[pos]
    if (ch === '{') return parseObject()
    if (ch === '[') return parseArray()
    if (ch === '"') return parseString()
    if (ch === 't') return parseLiteral('true', true)
    if (ch === 'f') return parseLiteral('false', false)
    if (ch === 'n') return parseLiteral('null', null)
    return parseNumber()
  }

  const parseArray = (): JsonValue[] => {
    expect('[')
    const out: JsonValue[] = []
    for (;;) {
      skipWs()
      if (text[pos] === ']') break
      out.push(parseValue())
      skipWs()
      if (text[pos] === ',') pos++
      else if (text[pos] !== ']') fail("expected ',' or ']'")
    }
    pos++
    return out
  }

  const parseObject = (): { [key: string]: JsonValue } => {
    expect('{')
    const out: { [key: string]: JsonValue } = {}
    for (;;) {
      skipWs()
      if (text[pos] === '}') break
      const key = parseString()
      skipWs()
      expect(':')
      // defineProperty: a "__proto__" key must become data, not change the prototype.
      Object.defineProperty(out, key, { value: parseValue(), enumerable: true, writable: true, configurable: true })
      skipWs()
      if (text[pos] === ',') pos++
      else if (text[pos] !== '}') fail("expected ',' or '}'")
    }
    pos++
    return out
  }

  const value = parseValue()
  skipWs()
  if (pos !== text.length) fail('trailing characters')
  return value
}
