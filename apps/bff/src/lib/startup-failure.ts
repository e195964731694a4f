import { ConfigError } from './config.js'

/**
 * What the process prints before exiting 1 when it cannot start: one line per problem, naming
 * the setting when it is one, never a stack trace (operators read this in a container log).
 */
export function startupFailureLines(err: unknown): string[] {
  if (err instanceof ConfigError) return err.message.split('\n')
  const e = (err ?? {}) as { code?: unknown; address?: string; port?: number }
  if (e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL') {
    const where = `${e.address ?? '?'}:${e.port ?? '?'}`
    return [`cannot start: PORT/HOST: cannot listen on ${where} (${String(e.code)})`]
  }
  const message = err instanceof Error ? err.message : String(err)
  // A multi-line driver message (e.g. SQLite or PostgreSQL) is folded into one line.
  return [`cannot start: ${message.replace(/\s*\n\s*/g, ' ').slice(0, 500)}`]
}
