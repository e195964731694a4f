import type { ValidationTargets } from 'hono'
import { zValidator } from '@hono/zod-validator'
import type { z } from 'zod'
import { AppError } from './errors.js'

/** Turns zod issues into `{ "field.path": "message" }` for the error envelope. */
export function issuesToFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_'
    fields[key] ??= issue.message
  }
  return fields
}

/**
 * zValidator with the shared error envelope: a failed parse throws `VALIDATION_FAILED` with
 * `fields`, which `app.onError` renders like every other error.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new AppError('VALIDATION_FAILED', `invalid ${target}`, {
        fields: issuesToFields(result.error.issues),
      })
    }
  })
}
