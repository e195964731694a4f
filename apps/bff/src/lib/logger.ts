import { pino, type Logger, type DestinationStream } from 'pino'

export type { Logger }

/** Paths redacted in every log line; header names are lower-case in Node. */
export const REDACT_PATHS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'sk',
  'securityToken',
  'ak',
  'secret',
  'clientSecret',
  'hmacKey',
  'currentPassword',
  'newPassword',
  '*.authorization',
  '*.cookie',
  '*.password',
  '*.token',
  '*.sk',
  '*.secret',
  '*.clientSecret',
  '*.hmacKey',
  '*.currentPassword',
  '*.newPassword',
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  '*.headers["x-auth-token"]',
  '*.headers["x-subject-token"]',
  '*.headers["x-security-token"]',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-auth-token"]',
  'headers["x-subject-token"]',
  'headers["x-security-token"]',
  '["set-cookie"]',
  '["x-auth-token"]',
  '["x-subject-token"]',
  '*["set-cookie"]',
  '*["x-auth-token"]',
  '*["x-subject-token"]',
  'credentials',
  '*.credentials',
]

/** Structured JSON logger with secret redaction. Pass a stream in tests to capture lines. */
export function createLogger(opts: { level?: string; stream?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'ops-console-bff' },
    },
    opts.stream,
  )
}
