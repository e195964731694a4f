import { isCloudError } from '@ops-console/cloud-client'

/**
 * True when a read failed because the object does not exist: the service's documented not-found
 * codes (most clouds here answer 400 with a code, cloud-api.md §1.4) or a plain 404.
 */
export function isNotFound(err: unknown, codes: readonly string[]): boolean {
  if (!isCloudError(err) || err.kind !== 'http') return false
  return err.status === 404 || (err.code !== null && codes.includes(err.code))
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
