import { configWarnings, parseConfig, type BffConfig } from './config.js'

/** The only place that reads process.env: validates it once at start-up (throws ConfigError). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BffConfig {
  return parseConfig(env)
}

/** Likely misspelt settings outside production (production refuses them in loadConfig). */
export function loadConfigWarnings(env: NodeJS.ProcessEnv = process.env): string[] {
  return configWarnings(env)
}

/** Tests only: the PostgreSQL server the test suites use (each file in its own schema). */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
}

/** CLIs only: a password handed over through the environment instead of stdin (never argv). */
export function cliPasswordFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.OPS_CONSOLE_PASSWORD || undefined
}

/** Tests only: `TEST_DIALECT=postgres` runs the app-level suites on PostgreSQL instead of SQLite. */
export function testDialect(env: NodeJS.ProcessEnv = process.env): 'sqlite' | 'postgres' {
  return env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite'
}
