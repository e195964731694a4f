import { z } from 'zod'
import { Role, TARGET_NAME_PATTERN } from '@ops-console/contracts'
import { CLOUD_PROVIDERS } from '@ops-console/cloud-client'
import { CLOUD_SERVICES } from './config-types.js'

export const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max)
const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be valid JSON' })
        return z.NEVER
      }
    })
    .pipe(schema)

/** A real endpoint of one target (private endpoint, OTC Swiss region): https only, no credentials. */
const targetEndpoint = z
  .url()
  .refine((u) => new URL(u).protocol === 'https:', 'per-target endpoints must use https')
const Target = z.strictObject({
  name: z.string().regex(TARGET_NAME_PATTERN, 'target names are lower-case letters, digits and -'),
  /** Picks the regional host table (cloud-client presets); absent = Huawei Cloud. */
  provider: z.enum(CLOUD_PROVIDERS).optional(),
  region: z.string().regex(/^[a-z0-9-]{2,40}$/),
  projectId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  workspace: z.string().min(1).max(64).optional(),
  codeartsProjectIds: z.array(z.string().regex(/^[A-Za-z0-9-]{1,64}$/)).default([]),
  endpoints: z.partialRecord(z.enum(CLOUD_SERVICES), targetEndpoint).optional(),
})
const Protected = z.strictObject({
  target: z.string().optional(),
  namePattern: z.string().min(1).max(200),
})
/** Endpoint overrides: http(s) only (a gopher:// or file:// URL would reach the client and crash it). */
const endpointUrl = z.url().superRefine((u, ctx) => {
  const { protocol, hostname } = new URL(u)
  if (protocol !== 'https:' && protocol !== 'http:')
    ctx.addIssue({ code: 'custom', message: `must be an https:// URL, not ${protocol}//` })
  else if (!LOOPBACK_HOSTS.has(hostname))
    ctx.addIssue({ code: 'custom', message: 'endpoint overrides must point at a loopback host' })
})

/** Raw environment variables of the BFF; `parseConfig` turns them into a BffConfig. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  PORT: int(0, 65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_ORIGIN: z.url().optional(),
  CLOUD_TARGETS: json(z.array(Target)).optional(),
  CLOUD_AK: z.string().min(1).optional(),
  CLOUD_SK: z.string().min(1).optional(),
  CLOUD_SECURITY_TOKEN: z.string().min(1).optional(),
  CLOUD_DOMAIN: z.string().min(1).optional(),
  CLOUD_USER: z.string().min(1).optional(),
  CLOUD_PASSWORD: z.string().min(1).optional(),
  ...Object.fromEntries(
    CLOUD_SERVICES.map((s) => [`CLOUD_ENDPOINT_${s.toUpperCase()}`, endpointUrl.optional()]),
  ),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  SQLITE_PATH: z.string().min(1).default('data/ops-console.db'),
  SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: int(1, 24 * 30).default(12),
  SESSION_COOKIE_SECURE: bool.default(true),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
  OIDC_ROLE_MAPPING: json(z.record(z.string(), Role)).default({}),
  PROTECTED_WORKLOADS: json(z.array(Protected)).default([]),
  STOP_WATCH_TIMEOUT_MS: int(1000, 3_600_000).default(120_000),
  STOP_WATCH_POLL_MS: int(100, 600_000).default(5_000),
  TRUST_PROXY: bool.default(false),
  SHUTDOWN_DELAY_MS: int(0, 60_000).default(5_000),
  WEB_DIST_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUDIT_WRITE_TIMEOUT_MS: int(100, 60_000).default(2_000),
  AUDIT_HMAC_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
})

export type ParsedEnv = z.infer<typeof EnvSchema> & Record<string, string | undefined>
