/**
 * Marks a decimal string that must be written as a JSON number literal, e.g. DLI `job_ids` (longs).
 * The digits are written verbatim, so ids above 2^53 are never rounded.
 */
export class JsonLong {
  constructor(readonly digits: string) {
    if (!/^-?\d+$/.test(digits)) throw new TypeError('JsonLong needs an integer in decimal digits')
  }
}

export type JsonInput =
  | null
  | boolean
  | number
  | string
  | JsonLong
  | undefined
  | readonly JsonInput[]
  | { readonly [key: string]: JsonInput }

/** JSON.stringify with support for {@link JsonLong}; `undefined` object members are dropped like JSON.stringify does. */
export function stringifyJson(value: JsonInput): string {
  if (value instanceof JsonLong) return value.digits
  if (value === undefined) return 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${(value as readonly JsonInput[]).map(stringifyJson).join(',')}]`
  const parts: string[] = []
  for (const [key, member] of Object.entries(value as { readonly [key: string]: JsonInput })) {
    if (member === undefined) continue
    parts.push(`${JSON.stringify(key)}:${stringifyJson(member)}`)
  }
  return `{${parts.join(',')}}`
}
