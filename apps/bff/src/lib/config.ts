import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  CLOUD_SERVICES,
  type BffConfig,
  type CloudCredentials,
  type CloudService,
  type OidcConfig,
} from './config-types.js'
import { EnvSchema, LOOPBACK_HOSTS, type ParsedEnv } from './config-schema.js'
import { productionProblems } from './config-production.js'
import { unknownSettings } from './config-unknown.js'

export * from './config-types.js'

/** Thrown for invalid configuration; the message names every bad key (never a secret value). */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    // One line per refusal, each naming its setting: what index.ts prints before exiting 1.
    super(problems.map((p) => `configuration refused: ${p}`).join('\n'))
    this.name = 'ConfigError'
  }
}

/** Keys whose value may come from `<KEY>_FILE` (a mounted secret) instead of the environment. */
export const SECRET_KEYS = [
  'CLOUD_AK',
  'CLOUD_SK',
  'CLOUD_SECURITY_TOKEN',
  'CLOUD_PASSWORD',
  'OIDC_CLIENT_SECRET',
  'DATABASE_URL',
  'AUDIT_HMAC_KEY',
] as const

/**
 * Every variable the BFF and its CLIs read: the schema, the `_FILE` form of each secret, and the
 * few that env.ts reads outside the schema (CLI password, test database).
 */
export const KNOWN_SETTINGS: readonly string[] = [
  ...Object.keys(EnvSchema.shape),
  ...SECRET_KEYS.map((k) => `${k}_FILE`),
  'OPS_CONSOLE_PASSWORD',
  'TEST_DATABASE_URL',
  'TEST_DIALECT',
]

type RawEnv = Record<string, string | undefined>

/** Outside production a misspelt setting is only a warning (one line each, for stderr). */
export function configWarnings(env: RawEnv): string[] {
  return env.NODE_ENV === 'production' ? [] : unknownSettings(env, KNOWN_SETTINGS)
}

function resolveSecretFiles(
  env: RawEnv,
  readFile: (path: string) => string,
  problems: string[],
): RawEnv {
  const out: RawEnv = { ...env }
  for (const key of SECRET_KEYS) {
    const file = env[`${key}_FILE`]
    if (!file) continue
    if (env[key]) problems.push(`${key}: set either ${key} or ${key}_FILE, not both`)
    try {
      out[key] = readFile(file).trim()
    } catch {
      problems.push(`${key}_FILE: cannot read the secret file`)
    }
  }
  return out
}

/** Validates raw environment variables into a BffConfig, or throws ConfigError naming the bad keys. */
export function parseConfig(
  env: RawEnv,
  readFile: (path: string) => string = (p) => readFileSync(p, 'utf8'),
): BffConfig {
  // In production a likely typo refuses the start: the setting it meant would silently keep its default.
  const problems: string[] =
    env.NODE_ENV === 'production' ? unknownSettings(env, KNOWN_SETTINGS) : []
  const withSecrets = resolveSecretFiles(env, readFile, problems)
  // Empty strings mean "unset" so `FOO=` in a shell does not fail validation.
  const cleaned = Object.fromEntries(
    Object.entries(withSecrets).filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = EnvSchema.safeParse(cleaned)
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new ConfigError(problems)
  }
  const config = assemble(parsed.data as ParsedEnv, problems)
  problems.push(...productionProblems(config, parsed.data.PUBLIC_ORIGIN !== undefined))
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}

function assemble(e: ParsedEnv, problems: string[]): BffConfig {
  const credentials = pickCredentials(e, problems)
  const targets = e.CLOUD_TARGETS ?? []
  const endpoints: Partial<Record<CloudService, string>> = {}
  for (const s of CLOUD_SERVICES) {
    const key = `CLOUD_ENDPOINT_${s.toUpperCase()}`
    const url = e[key]
    if (!url) continue
    if (e.NODE_ENV === 'production')
      problems.push(`${key}: endpoint overrides are refused in production`)
    endpoints[s] = url
  }
  if (credentials && targets.length === 0)
    problems.push('CLOUD_TARGETS: credentials are set but no targets are configured')
  const credentialKeys = [
    e.CLOUD_AK,
    e.CLOUD_SK,
    e.CLOUD_SECURITY_TOKEN,
    e.CLOUD_DOMAIN,
    e.CLOUD_USER,
    e.CLOUD_PASSWORD,
  ].some((v) => v !== undefined)
  if (!credentialKeys && targets.length > 0)
    problems.push(
      'CLOUD_AK: targets are configured but no cloud credentials (CLOUD_AK/CLOUD_SK or CLOUD_DOMAIN/CLOUD_USER/CLOUD_PASSWORD)',
    )
  const names = targets.map((t) => t.name)
  if (new Set(names).size !== names.length)
    problems.push('CLOUD_TARGETS: target names must be unique')
  const publicOrigin = e.PUBLIC_ORIGIN
    ? new URL(e.PUBLIC_ORIGIN).origin
    : `http://localhost:${e.PORT}`
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicOrigin,
    demoMode: !credentials && targets.length === 0,
    targets,
    credentials,
    endpoints,
    database: { ...(e.DATABASE_URL ? { url: e.DATABASE_URL } : {}), sqlitePath: e.SQLITE_PATH },
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS,
      cookieSecure: e.SESSION_COOKIE_SECURE,
    },
    ...pickOidc(e, publicOrigin, problems),
    protectedWorkloads: e.PROTECTED_WORKLOADS,
    stopWatch: { timeoutMs: e.STOP_WATCH_TIMEOUT_MS, pollMs: e.STOP_WATCH_POLL_MS },
    trustProxy: e.TRUST_PROXY,
    shutdownDelayMs: e.SHUTDOWN_DELAY_MS,
    ...(e.WEB_DIST_DIR ? { webDistDir: e.WEB_DIST_DIR } : {}),
    logLevel: e.LOG_LEVEL,
    audit: {
      writeTimeoutMs: e.AUDIT_WRITE_TIMEOUT_MS,
      hmacKey: e.AUDIT_HMAC_KEY ?? null,
      checkpointFile: checkpointFile(e),
    },
  }
}

/**
 * Chain-head checkpoints go beside the SQLite file by default (also with PostgreSQL: each
 * replica keeps its own file on its own disk); `off` disables them, an in-memory database has none.
 */
function checkpointFile(e: ParsedEnv): string | null {
  const set = e.AUDIT_CHECKPOINT_FILE
  if (set === 'off') return null
  if (set) return set
  if (e.SQLITE_PATH === ':memory:') return null
  return join(dirname(e.SQLITE_PATH), 'audit-checkpoints.jsonl')
}

function pickCredentials(e: ParsedEnv, problems: string[]): CloudCredentials | null {
  const aksk =
    e.CLOUD_AK !== undefined || e.CLOUD_SK !== undefined || e.CLOUD_SECURITY_TOKEN !== undefined
  const pwd =
    e.CLOUD_DOMAIN !== undefined || e.CLOUD_USER !== undefined || e.CLOUD_PASSWORD !== undefined
  if (aksk && pwd)
    problems.push('CLOUD_AK: use either AK/SK or domain/user/password credentials, not both')
  if (aksk) {
    if (!e.CLOUD_AK) problems.push('CLOUD_AK: required together with CLOUD_SK')
    if (!e.CLOUD_SK) problems.push('CLOUD_SK: required together with CLOUD_AK')
    if (!e.CLOUD_AK || !e.CLOUD_SK) return null
    // Temporary AK/SK (STS, agency) come with a security token, sent as X-Security-Token.
    return e.CLOUD_SECURITY_TOKEN
      ? { type: 'aksk', ak: e.CLOUD_AK, sk: e.CLOUD_SK, securityToken: e.CLOUD_SECURITY_TOKEN }
      : { type: 'aksk', ak: e.CLOUD_AK, sk: e.CLOUD_SK }
  }
  if (!pwd) return null
  for (const k of ['CLOUD_DOMAIN', 'CLOUD_USER', 'CLOUD_PASSWORD'] as const)
    if (!e[k]) problems.push(`${k}: required for password credentials`)
  return e.CLOUD_DOMAIN && e.CLOUD_USER && e.CLOUD_PASSWORD
    ? { type: 'password', domain: e.CLOUD_DOMAIN, user: e.CLOUD_USER, password: e.CLOUD_PASSWORD }
    : null
}

function pickOidc(e: ParsedEnv, publicOrigin: string, problems: string[]): { oidc?: OidcConfig } {
  if (!e.OIDC_ISSUER) return {}
  for (const k of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const)
    if (!e[k]) problems.push(`${k}: required when OIDC_ISSUER is set`)
  const issuerHost = new URL(e.OIDC_ISSUER).hostname
  if (e.NODE_ENV === 'production' && !e.OIDC_ISSUER.startsWith('https://'))
    problems.push('OIDC_ISSUER: must use https in production')
  if (!e.OIDC_ISSUER.startsWith('https://') && !LOOPBACK_HOSTS.has(issuerHost))
    problems.push('OIDC_ISSUER: plain http is only allowed for loopback issuers')
  return {
    oidc: {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID ?? '',
      clientSecret: e.OIDC_CLIENT_SECRET ?? '',
      redirectUri: e.OIDC_REDIRECT_URI ?? `${publicOrigin}/api/auth/oidc/callback`,
      groupsClaim: e.OIDC_GROUPS_CLAIM,
      roleMapping: e.OIDC_ROLE_MAPPING,
    },
  }
}
