import { z } from 'zod'

/**
 * A long id (DLI job_id, DataArts instanceId/jobId, ...): accepted as a JSON number or string and
 * always returned as a decimal string. Unsafe integers already arrive as strings from the lossless
 * parser, so nothing is rounded.
 */
export const longId = z.union([z.string(), z.number()]).transform((v) => String(v))

/** A number that some pages document as a string (e.g. CodeArts record counters). */
export const looseNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
])

/** Statuses stay open strings so an undocumented enum value never breaks parsing. */
export const openStatus = z.string()

/** DLI `is_success`: documented as String ("true") on some pages and Boolean on others. */
export const isSuccessFlag = z
  .union([z.boolean(), z.string()])
  .transform((v) => v === true || v === 'true')

/** Bodies of 204 answers (or any ignorable body): always `null`. */
export const noContent = z.unknown().transform((): null => null)

/** A loose object for bodies whose content we pass through without relying on fields. */
export const anyObject = z.looseObject({})

/** An array that a documentation example sometimes renders as a single object (or a keyed map). */
export function arrayOrObject<T extends z.ZodType>(
  item: T,
  isSingle: (o: Record<string, unknown>) => boolean,
) {
  return z
    .union([z.array(z.unknown()), z.record(z.string(), z.unknown()), z.null()])
    .transform((v) =>
      v === null ? [] : Array.isArray(v) ? v : isSingle(v) ? [v] : Object.values(v),
    )
    .pipe(z.array(item))
}
