import type { ValidationTargets } from 'hono'
import { zValidator } from '@hono/zod-validator'
import type { z } from 'zod'
import { AppError } from './errors.js'
import { fieldsSummary, issuesToFields, readableIssue } from './readable-issues.js'

/**
 * zValidator with the shared error envelope: a failed parse throws `VALIDATION_FAILED` with
 * `fields` (one readable sentence per field) and a message naming the first field, which
 * `app.onError` renders like every other error. Nothing invalid reaches a handler.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(
    target,
    schema,
    (result) => {
      if (!result.success) {
        const fields = issuesToFields(result.error.issues)
        throw new AppError('VALIDATION_FAILED', fieldsSummary(fields), { fields })
      }
    },
    {
      // Per-parse error map: schema-level messages win, zod's generic ones become sentences.
      // (The option's result type is conditional on T, which TypeScript can't resolve here.)
      validationFunction: (s, value) => s.safeParseAsync(value, { error: readableIssue }) as never,
    },
  )
}
