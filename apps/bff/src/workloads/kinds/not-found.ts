import { isCloudError } from '@ops-console/cloud-client'

/**
 * True when a read failed because the object does not exist: a 4xx answer carrying one of the
 * service's documented not-found codes (most services answer 400 with a code, cloud-api.md §1.4).
 * Nothing else means "gone": a 5xx never does (ModelArts reuses ModelArts.4700 for its 503,
 * §5.8), and neither does a bare 404 (a gateway, proxy or wrong endpoint answers those too); they
 * surface as UPSTREAM_* errors so nobody is told a live workload has disappeared.
 */
export function isNotFound(err: unknown, codes: readonly string[]): boolean {
  if (!isCloudError(err) || err.kind !== 'http' || err.status === null) return false
  if (err.status < 400 || err.status >= 500) return false
  return err.code !== null && codes.includes(err.code)
}

/** Reads through `read`, turning a documented not-found answer into null. */
export async function orNull<T>(
  read: () => Promise<T>,
  codes: readonly string[],
): Promise<T | null> {
  try {
    return await read()
  } catch (err) {
    if (isNotFound(err, codes)) return null
    throw err
  }
}

/** A plain object copy of a parsed cloud body for the detail view. */
export function rawOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : { value }
}
