/**
 * Lossless JSON for the cloud boundary, shared by cloud-client and cloud-sim.
 *
 * Upstream ids such as DLI `job_id` are 64-bit integers written as bare JSON numbers; a double
 * rounds anything above 2^53. Parsing keeps such integers as exact decimal strings, writing emits
 * {@link longNumber} values as number literals. Both use the platform (Node >= 22): `JSON.parse`
 * with the reviver's source text and `JSON.rawJSON`, so there is no hand-written parser to trust.
 * A reader of cloud answers may tolerate trailing commas, which several Huawei documentation
 * examples contain (DLI delete / batch delete); the simulator, acting as the server, does not.
 */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/** What {@link stringifyJson} writes: JSON values, {@link longNumber}s, and `undefined` members (dropped). */
export type JsonInput =
  JsonValue | JsonLong | undefined | readonly JsonInput[] | { readonly [key: string]: JsonInput }

/** A number literal written verbatim by {@link stringifyJson} (what `JSON.rawJSON` returns). */
export interface JsonLong {
  readonly rawJSON: string
}

export class JsonSyntaxError extends SyntaxError {
  override readonly name = 'JsonSyntaxError'
}

// Not yet in TypeScript's lib: JSON.parse source text access and JSON.rawJSON (V8 ≥ 11.4, Node ≥ 21).
interface ReviverContext {
  readonly source?: string
}
type SourceReviver = (
  this: unknown,
  key: string,
  value: unknown,
  context?: ReviverContext,
) => unknown
const platformJson = JSON as unknown as {
  parse(text: string, reviver?: SourceReviver): unknown
  rawJSON(text: string): JsonLong
  isRawJSON(value: unknown): boolean
}

const INTEGER_LITERAL = /^-?\d+$/
// No run of 16 digits, no integer a double cannot hold: the plain JSON.parse is exact.
const MAY_HOLD_UNSAFE_INTEGER = /\d{16}/
// A string literal (kept) or a comma after a value and before a closing bracket (dropped).
const TRAILING_COMMA = /("(?:[^"\\]|\\.)*")|(?<=[^\s[{,]\s*),(\s*[}\]])/g

/** Reviver keeping integers a double cannot hold exactly as `keep(digits)`. */
const unsafeIntegers =
  (keep: (digits: string) => unknown): SourceReviver =>
  (_key, value, context) => {
    if (typeof value !== 'number' || Number.isSafeInteger(value)) return value
    const source = context?.source
    return source !== undefined && INTEGER_LITERAL.test(source) ? keep(source) : value
  }
const asString = unsafeIntegers((digits) => digits)
const asRaw = unsafeIntegers((digits) => platformJson.rawJSON(digits))

export interface ParseOptions {
  /** Accept `[1,]` and `{"a":1,}` (cloud documentation examples); default false. */
  tolerateTrailingCommas?: boolean
  /**
   * How an integer outside the safe range comes back: `'string'` (default, its decimal digits) or
   * `'raw'` (a {@link JsonLong}, written back verbatim by {@link stringifyJson}).
   */
  longs?: 'string' | 'raw'
}

function parseOnce(text: string, longs: ParseOptions['longs']): unknown {
  if (!MAY_HOLD_UNSAFE_INTEGER.test(text)) return JSON.parse(text)
  return platformJson.parse(text, longs === 'raw' ? asRaw : asString)
}

/**
 * Parses JSON text. Integers outside the IEEE-754 safe range come back as decimal strings (or
 * {@link JsonLong}s), every other number as a JS number; `__proto__` keys are plain data
 * (JSON.parse defines, never sets). Throws {@link JsonSyntaxError} on malformed input.
 */
export function parseJson(text: string, options: ParseOptions & { longs: 'raw' }): JsonInput
export function parseJson(text: string, options?: ParseOptions): JsonValue
export function parseJson(text: string, options: ParseOptions = {}): JsonValue | JsonInput {
  try {
    return parseOnce(text, options.longs) as JsonValue
  } catch (first) {
    if (!options.tolerateTrailingCommas)
      throw new JsonSyntaxError(first instanceof Error ? first.message : 'Invalid JSON')
    const withoutTrailingCommas = text.replace(
      TRAILING_COMMA,
      (_m, literal: string | undefined, closer: string | undefined) => literal ?? closer ?? '',
    )
    if (withoutTrailingCommas !== text) {
      try {
        return parseOnce(withoutTrailingCommas, options.longs) as JsonValue
      } catch {
        // Report the error of the text as it was received.
      }
    }
    throw new JsonSyntaxError(first instanceof Error ? first.message : 'Invalid JSON')
  }
}

/** Whether a value is a {@link JsonLong} (from {@link longNumber} or a `longs: 'raw'` parse). */
export function isJsonLong(value: unknown): value is JsonLong {
  return platformJson.isRawJSON(value)
}

/** Marks a decimal string to be written as a JSON number literal, e.g. DLI `job_ids` (longs). */
export function longNumber(digits: string): JsonLong {
  if (!INTEGER_LITERAL.test(digits))
    throw new TypeError('longNumber needs an integer in decimal digits')
  return platformJson.rawJSON(digits)
}

/** `JSON.stringify`: `undefined` members are dropped, {@link longNumber} values written verbatim. */
export function stringifyJson(value: JsonInput): string {
  return JSON.stringify(value) ?? 'null'
}
