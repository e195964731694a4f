import { z } from 'zod'

/** Every machine-readable error code the BFF may return, with its HTTP status. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  CONFIRMATION_MISMATCH: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_REJECTED: 403,
  PROTECTED_WORKLOAD: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  ACTION_NOT_ALLOWED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UPSTREAM_ERROR: 502,
  UPSTREAM_REJECTED: 502,
  UPSTREAM_UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
  AUDIT_UNAVAILABLE: 503,
  NOT_READY: 503,
} as const
export type ErrorCode = keyof typeof ERROR_STATUS
export const ErrorCode = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]])

/** The one error envelope of the BFF API. */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    requestId: z.string(),
    /** Cloud-side details when the failure came from upstream (never the upstream body). */
    upstream: z
      .object({
        service: z.string(),
        status: z.number().optional(),
        cloudCode: z.string().optional(),
        cloudMessage: z.string().optional(),
        requestId: z.string().optional(),
      })
      .optional(),
    retryAfterSeconds: z.number().optional(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
})
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>
