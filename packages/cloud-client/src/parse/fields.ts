import { z } from 'zod'
import { toEpochMs } from './time.js'

/*
 * Field schemas for cloud responses (docs/decisions/007-tolerant-parsing.md).
 *
 * Tolerant (`opt*`): a field nothing depends on never fails a parse. Absent stays absent, and a
 * value of the wrong type becomes null, so one odd field costs that field, not the item.
 *
 * Strict (`required*`, `*Id`, `*Status`): the fields stop/delete and the state shown depend on.
 * When one of them is unusable, the item cannot be understood; inside a listing it is dropped
 * and reported (see item-list.ts), elsewhere the call fails with a parse error.
 */

/** Optional text. Numbers and booleans are written as text; anything else is null. */
export const optText = z
  .union([z.string(), z.number().transform(String), z.boolean().transform(String)])
  .nullish()
  .catch(null)

/** Optional number; numeric strings (some pages document counters as strings) are read too. */
export const optNumber = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*-?\d+(\.\d+)?\s*$/)
      .transform(Number),
  ])
  .nullish()
  .catch(null)

/** Optional boolean; `"true"` / `"false"` are read too (DLI `is_success` is documented both ways). */
export const optBool = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
  .nullish()
  .catch(null)

/**
 * Optional time as epoch ms: epoch ms, epoch s and ISO-8601 with a zone are all accepted (the
 * services disagree: DLF and DLI print ms, CodeArts history ISO-8601, the SDK types CodeArts
 * record times and DLF real-time status times as strings). Unreadable or unset (0) → null.
 */
export const optTime = z
  .unknown()
  .transform((v) => toEpochMs(v))
  .optional()

/** Optional nested object whose content is passed through; any other type → null. */
export const optObject = z.looseObject({}).nullish().catch(null)

/** Optional array of anything; any other type → null. */
export const optArray = z.array(z.unknown()).nullish().catch(null)

/** A required non-empty name or id that is sent back in paths (job names, task ids). */
export const requiredText = z.union([
  z
    .string({ error: 'missing or not text' })
    .min(1, 'empty')
    .max(1024, 'longer than 1024 characters'),
  z
    .number()
    .int()
    .nonnegative()
    .transform((n) => String(n)),
])

/**
 * A long id (DLI `job_id`, DLF `instanceId`): a JSON number or a string of decimal digits, always
 * returned as its exact decimal string (integers above 2^53 already arrive as strings from the
 * lossless parser, so nothing is rounded).
 */
export const longId = z.union(
  [
    z.string().regex(/^\d{1,20}$/),
    z
      .number()
      .int()
      .nonnegative()
      .refine((n) => Number.isSafeInteger(n))
      .transform((n) => String(n)),
  ],
  { error: 'missing or not a decimal id' },
)

/** An optional long id; anything unusable → null. */
export const optLongId = longId.nullish().catch(null)

/** A required positive integer (CodeArts `build_number`), numeric strings accepted. */
export const requiredCount = z.union(
  [
    z.number().int().positive(),
    z
      .string()
      .regex(/^\d{1,15}$/)
      .transform(Number)
      .refine((n) => n > 0),
  ],
  { error: 'missing or not a positive integer' },
)

/**
 * A required status text. Unknown values pass (the BFF shows them as state `unknown` with the raw
 * value); only a missing or non-text status makes the item unreadable.
 */
export const requiredStatus = z
  .string({ error: 'missing or not text' })
  .min(1, 'empty')
  .max(128, 'longer than 128 characters')

/** ModelArts integer status (0–4 documented; other integers pass as unknown). Numeric strings accepted. */
export const integerStatus = z.union(
  [
    z.number().int(),
    z
      .string()
      .regex(/^-?\d{1,6}$/)
      .transform(Number),
  ],
  { error: 'missing or not an integer' },
)

/** A count in a list envelope (`total`, `count`); unusable → null, and paging relies on page sizes. */
export const optTotal = z
  .union([
    z.number().int().nonnegative(),
    z
      .string()
      .regex(/^\d{1,15}$/)
      .transform(Number),
  ])
  .nullish()
  .catch(null)

/** Bodies of 204 answers (or any ignorable body): always `null`. */
export const noContent = z.unknown().transform((): null => null)
