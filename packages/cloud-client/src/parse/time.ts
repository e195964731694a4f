/**
 * Epoch milliseconds from whatever a time field holds (docs/decisions/007): epoch ms, epoch
 * seconds, numeric strings of either, or ISO-8601 with a zone (`Z` or `±hh:mm`). Anything else is
 * null — a time never decides what may be stopped, so an odd one must not fail a listing.
 */
export function toEpochMs(value: unknown): number | null {
  if (typeof value === 'number') return fromNumber(value)
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (/^-?\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text))
  return fromIso(text)
}

/**
 * Below 10^11 a number is read as seconds: 10^11 ms is March 1973, long before any of these
 * services existed, while 10^11 s is the year 5138. 0 and negatives mean "not set" in every
 * example (DLI `start_time` 0 = never started, DLF `endTime` 0 = still running).
 */
const SECONDS_BELOW = 1e11

function fromNumber(n: number): number | null {
  if (!Number.isFinite(n) || n <= 0) return null
  const ms = n < SECONDS_BELOW ? n * 1000 : n
  return ms > 8.64e15 ? null : Math.round(ms)
}

// Date-time with seconds and an explicit zone; fractions of any length (IAM prints microseconds).
const ISO_WITH_ZONE =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})$/i

/**
 * A time without a zone (`2022-10-11 16:44:40`) is deliberately not guessed: the services run in
 * several zones (CodeArts prints +08:00), and a time eight hours off is worse than none.
 */
function fromIso(text: string): number | null {
  const m = ISO_WITH_ZONE.exec(text)
  if (!m) return null
  const [, date, time, fraction = '', zone = 'Z'] = m
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(zone)
  const ms = Date.parse(`${date}T${time}${fraction.slice(0, 4)}${offset}`)
  return Number.isNaN(ms) || ms <= 0 ? null : ms
}

function normaliseOffset(zone: string): string {
  const digits = zone.slice(1).replace(':', '')
  const hhmm = digits.length === 2 ? `${digits}00` : digits
  return `${zone[0]}${hhmm.slice(0, 2)}:${hhmm.slice(2, 4)}`
}
