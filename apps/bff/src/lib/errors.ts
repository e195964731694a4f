import type { Context, ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ERROR_STATUS, type ErrorCode, type ErrorEnvelope } from '@ops-console/contracts'
import type { AppEnv } from './app-env.js'

type ErrorBody = ErrorEnvelope['error']
export type UpstreamDetails = NonNullable<ErrorBody['upstream']>

export interface AppErrorExtra {
  upstream?: UpstreamDetails
  retryAfterSeconds?: number
  fields?: Record<string, string>
  cause?: unknown
}

/** The one error type handlers throw; `app.onError` turns it into the JSON envelope. */
export class AppError extends Error {
  readonly status: number
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly extra: AppErrorExtra = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause })
    this.name = 'AppError'
    this.status = ERROR_STATUS[code]
  }
}

/** Builds the envelope body; `requestId` comes from the request-id middleware. */
export function errorBody(
  c: Context<AppEnv>,
  code: ErrorCode,
  message: string,
  extra: AppErrorExtra = {},
): ErrorEnvelope {
  const error: ErrorBody = { code, message, requestId: c.get('requestId') ?? 'unknown' }
  if (extra.upstream) error.upstream = extra.upstream
  if (extra.retryAfterSeconds !== undefined) error.retryAfterSeconds = extra.retryAfterSeconds
  if (extra.fields) error.fields = extra.fields
  return { error }
}

/** Sends an error envelope with the status that belongs to `code`. */
export function sendError(
  c: Context<AppEnv>,
  code: ErrorCode,
  message: string,
  extra: AppErrorExtra = {},
): Response {
  if (extra.retryAfterSeconds !== undefined)
    c.header('Retry-After', String(Math.ceil(extra.retryAfterSeconds)))
  return c.json(errorBody(c, code, message, extra), ERROR_STATUS[code] as 400)
}

function fromHttpException(err: HTTPException): AppError {
  if (err.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'request body too large')
  if (err.status === 401) return new AppError('UNAUTHENTICATED', 'sign in first')
  if (err.status === 404) return new AppError('NOT_FOUND', 'not found')
  if (err.status < 500) return new AppError('BAD_REQUEST', 'malformed request')
  return new AppError('INTERNAL', 'internal error', { cause: err })
}

/** The single error handler: every failure becomes `{error:{code,message,requestId,...}}`; only 5xx are logged. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  const appErr =
    err instanceof AppError ? err : err instanceof HTTPException ? fromHttpException(err) : null
  if (!appErr || appErr.status >= 500) {
    const log = c.get('log')
    const cause = appErr ? (appErr.extra.cause ?? appErr) : err
    log?.error({ err: cause, code: appErr?.code ?? 'INTERNAL', path: c.req.path }, 'request failed')
  }
  if (!appErr) return sendError(c, 'INTERNAL', 'internal error')
  const { cause: _cause, ...extra } = appErr.extra
  return sendError(c, appErr.code, appErr.message, extra)
}
