import type { z } from 'zod'

type RawIssue = z.core.$ZodRawIssue
type Issue = z.core.$ZodIssue

function units(origin: unknown, n: number | bigint): string {
  if (origin === 'string') return `${n} character${n === 1 ? '' : 's'}`
  if (origin === 'array' || origin === 'set') return `${n} item${n === 1 ? '' : 's'}`
  return String(n)
}

/**
 * A sentence an operator can act on, for zod's generic issues. Passed to `safeParse` as the
 * per-parse error map, so messages written into a schema (contracts' Reason) still win.
 */
export function readableIssue(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number'
        ? `Use ${String(issue.minimum)} or more.`
        : `Use at least ${units(issue.origin, issue.minimum)}.`
    case 'too_big':
      return issue.origin === 'number'
        ? `Use ${String(issue.maximum)} or less.`
        : `Use at most ${units(issue.origin, issue.maximum)}.`
    case 'invalid_type':
      return issue.input === undefined ? 'Required.' : `Expected ${issue.expected}.`
    case 'invalid_format':
      return issue.format === 'regex'
        ? 'Contains characters that are not allowed here.'
        : `Not a valid ${issue.format}.`
    case 'invalid_value':
      return `Use one of: ${issue.values.map(String).join(', ')}.`
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length === 1 ? '' : 's'}: ${issue.keys.join(', ')}.`
    default:
      return undefined
  }
}

/** `items.3.confirmName` → `Items #4 confirm name`; the body itself is "Request". */
export function fieldLabel(key: string): string {
  if (key === '_') return 'Request'
  const words = key
    .split('.')
    .map((seg) => (/^\d+$/.test(seg) ? `#${Number(seg) + 1}` : seg))
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Turns zod issues into `{ "field.path": "message" }` for the error envelope (first issue per field). */
export function issuesToFields(issues: readonly Issue[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_'
    fields[key] ??= sentence(issue.message)
  }
  return fields
}

function sentence(text: string): string {
  const t = text.trim()
  if (!t) return 'Invalid value.'
  const capped = t.charAt(0).toUpperCase() + t.slice(1)
  return /[.!?]$/.test(capped) ? capped : `${capped}.`
}

/** The envelope's top-level message: the first field and what to do, plus how many more. */
export function fieldsSummary(fields: Record<string, string>): string {
  const entries = Object.entries(fields)
  const [first] = entries
  if (!first) return 'The request is not valid.'
  const head = `${fieldLabel(first[0])}: ${first[1]}`
  return entries.length === 1 ? head : `${head} (and ${entries.length - 1} more)`
}
