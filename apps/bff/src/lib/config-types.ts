import type { CloudProvider } from '@ops-console/cloud-client'
import type { Role } from '@ops-console/contracts'

export const CLOUD_SERVICES = ['iam', 'dataarts', 'codearts', 'dli', 'modelarts'] as const
export type CloudService = (typeof CLOUD_SERVICES)[number]

export type CloudCredentials =
  | { type: 'aksk'; ak: string; sk: string; securityToken?: string }
  | { type: 'password'; domain: string; user: string; password: string }

export interface TargetConfig {
  name: string
  /** Huawei Cloud (default) or Open Telekom Cloud: picks the default host per service and region. */
  provider?: CloudProvider
  region: string
  projectId: string
  workspace?: string
  codeartsProjectIds: string[]
  /** Per-service https endpoints of this target; win over the preset and CLOUD_ENDPOINT_*. */
  endpoints?: Partial<Record<CloudService, string>>
}

export interface OidcConfig {
  issuer: string
  clientId: string
  clientSecret: string
  redirectUri: string
  groupsClaim: string
  roleMapping: Record<string, Role>
}

/** The whole validated configuration of the BFF. Built once at start-up by `parseConfig`. */
export interface BffConfig {
  env: 'production' | 'development' | 'test'
  port: number
  host: string
  publicOrigin: string
  /** No cloud configured: the workloads half runs the simulator in-process. */
  demoMode: boolean
  targets: TargetConfig[]
  credentials: CloudCredentials | null
  endpoints: Partial<Record<CloudService, string>>
  database: { url?: string; sqlitePath: string }
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean }
  oidc?: OidcConfig
  /** `namePattern` is a glob (`*` any run, `?` one character), matched against the whole name. */
  protectedWorkloads: { target?: string; namePattern: string }[]
  stopWatch: { timeoutMs: number; pollMs: number }
  trustProxy: boolean
  /** After SIGTERM: how long `/readyz` answers 503 while still serving, before the listener closes. */
  shutdownDelayMs: number
  /** Built SPA, served (with index.html fallback) when the directory exists. */
  webDistDir?: string
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  audit: AuditConfig
}

/** The ledger's durability and tamper-evidence settings (apps/bff/README.md). */
export interface AuditConfig {
  /** Longest wait for one audit append (queue + lock); then 503 AUDIT_UNAVAILABLE, nothing sent. */
  writeTimeoutMs: number
  /** HMAC-SHA256 key for every appended row's `mac`; the database never holds it. */
  hmacKey: string | null
  /** Append-only file of chain-head checkpoints outside the database; null: none. */
  checkpointFile: string | null
}
