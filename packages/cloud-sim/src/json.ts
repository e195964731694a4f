/**
 * Lossless JSON. Upstream ids such as DLI `job_id` are 64-bit integers written as bare JSON
 * numbers; JSON.stringify/parse would round anything above 2^53. We keep such ids as decimal
 * strings internally and wrap them in RawNumber when they must appear as number literals.
 */
export class RawNumber {
  constructor(readonly raw: string) {
    if (!/^-?\d+$/.test(raw)) throw new TypeError(`not an integer literal: ${raw}`)
  }
}

/** Marks a decimal id string to be written as a JSON number literal. */
export const rawNumber = (digits: string): RawNumber => new RawNumber(digits)

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | RawNumber
  | JsonValue[]
  | { [key: string]: JsonValue | undefined }

/** Like JSON.stringify (undefined members dropped) but RawNumber is emitted verbatim. */
export function toJson(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return 'null'
  if (value instanceof RawNumber) return value.raw
  if (Array.isArray(value)) return `[${value.map((v) => toJson(v)).join(',')}]`
  if (typeof value === 'object') {
    const parts: string[] = []
    for (const [key, member] of Object.entries(value)) {
      if (member !== undefined) parts.push(`${JSON.stringify(key)}:${toJson(member)}`)
    }
    return `{${parts.join(',')}}`
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null'
  return JSON.stringify(value)
}

/**
 * Parses JSON text; integers outside the safe range come back as RawNumber (exact digits),
 * every other number as a JS number. Throws SyntaxError on malformed input.
 */
export function parseLossless(text: string): JsonValue {
  let i = 0
  const fail = (): never => {
    throw new SyntaxError(`Unexpected token in JSON at position ${i}`)
  }
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++
  }
  const value = (): JsonValue => {
    ws()
    const ch = text[i]
    if (ch === '{') return object()
    if (ch === '[') return array()
    if (ch === '"') return string()
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number()
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length
        return v
      }
    }
    return fail()
  }
  const number = (): JsonValue => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!m) return fail()
    const lit = m[0]
    i += lit.length
    const n = Number(lit)
    if (m[2] === undefined && m[3] === undefined && !Number.isSafeInteger(n)) return new RawNumber(lit)
    return n
  }
  const string = (): string => {
    const start = i
    i++
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    if (i >= text.length) fail()
    i++
    return JSON.parse(text.slice(start, i)) as string
  }
  const array = (): JsonValue[] => {
    const out: JsonValue[] = []
    i++
    ws()
    if (text[i] === ']') return (i++, out)
    for (;;) {
      out.push(value())
      ws()
      if (text[i] === ',') i++
      else if (text[i] === ']') return (i++, out)
      else fail()
    }
  }
  const object = (): { [key: string]: JsonValue } => {
    const out: { [key: string]: JsonValue } = {}
    i++
    ws()
    if (text[i] === '}') return (i++, out)
    for (;;) {
      ws()
      if (text[i] !== '"') fail()
      const key = string()
      ws()
      if (text[i++] !== ':') fail()
      out[key] = value()
      ws()
      if (text[i] === ',') i++
      else if (text[i] === '}') return (i++, out)
      else fail()
    }
  }
  const result = value()
  ws()
  if (i < text.length) fail()
  return result
}

/** Reads a long id sent either as a JSON number (possibly RawNumber) or a digit string. */
export function idFromJson(v: JsonValue | undefined): string | null {
  if (v instanceof RawNumber) return v.raw
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v)
  if (typeof v === 'string' && /^\d{1,20}$/.test(v)) return v
  return null
}
