import type { Hono } from 'hono'

export type ServiceName = 'iam' | 'dataarts' | 'codearts' | 'dli' | 'modelarts'
export const SERVICE_NAMES: readonly ServiceName[] = [
  'iam',
  'dataarts',
  'codearts',
  'dli',
  'modelarts',
]

export interface SimUser {
  domain: string
  name: string
  password: string
  /** Services this user may not call: 403 APIGW.0302, as an IAM policy without them would. */
  deny?: ServiceName[]
}

/** An access key pair of the account. */
export interface SimAkSk {
  ak: string
  sk: string
  /**
   * Temporary credentials (STS / agency): every request must carry this value as a signed
   * `X-Security-Token` header.
   */
  securityToken?: string
  /** Epoch ms on the sim clock after which temporary credentials are refused. */
  expiresAt?: number
  /** Services this key may not call (403 APIGW.0302). */
  deny?: ServiceName[]
}

export interface SimOptions {
  /** Deterministic world; default 42. */
  seed?: number
  /** small = a few dozen workloads per service; large = 10,000+ in total; a number = workloads per service and project. */
  size?: 'small' | 'large' | number
  /** manual: time only moves via control.advance(ms). Default 'real'. */
  clock?: 'real' | 'manual'
  /** Epoch ms the clock starts at (manual default 2026-01-01T00:00:00Z). */
  startTime?: number
  /** Transitional → stopped delay in sim ms (default 3000). */
  stopDelayMs?: number
  /**
   * Share (0..1) of stops that end in failure, decided per workload from the seed.
   * Default: 0.1 with the real clock (demo), 0 with the manual clock (tests use forceStopFailure).
   */
  stopFailureRate?: number
  users?: SimUser[]
  /** Default: one permanent and one temporary pair (`defaults.aksk`, `defaults.temporaryAksk`). */
  akskPairs?: SimAkSk[]
  /**
   * Regions in which the account has a second IAM project (`<region>_sub1`), so that AK/SK calls
   * must say which project they mean (`X-Project-Id`). Default none.
   */
  subprojects?: string[]
}

export type FaultKind =
  | 'latency'
  | 'hang'
  | 'status'
  | 'rate-limit'
  | 'reset'
  | 'malformed-json'
  | 'redirect'
  | 'slow-body'

export interface SimFault {
  service?: ServiceName
  method?: string
  /** Substring of, or regex source matched against, the path below the service prefix. */
  path?: string
  kind: FaultKind
  ms?: number
  status?: number
  /** Seconds or an HTTP-date. */
  retryAfter?: string
  location?: string
  /** How many requests it applies to; default unlimited. */
  times?: number
}

export interface SimRequestRecord {
  at: number
  requestId: string
  service: ServiceName | null
  method: string
  /** Path below the service prefix. */
  path: string
  query: Record<string, string>
  bodyExcerpt: string
  status: number
  fault: FaultKind | null
}

export interface SimDefaults {
  regions: string[]
  projects: { id: string; region: string; name: string }[]
  workspaceId: string
  codeartsProjectIds: Record<string, string[]>
  user: SimUser
  aksk: { ak: string; sk: string }
  /** The first temporary pair, or null when the options define none. */
  temporaryAksk: { ak: string; sk: string; securityToken: string } | null
}

export interface SimControl {
  reset(options?: Partial<SimOptions>): void
  now(): number
  advance(ms: number): void
  injectFault(fault: SimFault): string
  clearFaults(): void
  requests(): SimRequestRecord[]
  clearRequests(): void
  /**
   * The next stop of this workload fails. Ids follow the workload ids of docs/architecture.md:
   * dataarts job name, `{jobName}:{instanceId}` (job instance), `{scriptName}:{instanceId}`,
   * codearts `{jobId}:{buildNo}`, dli `job_id`, modelarts `{taskId}:{versionId}`.
   */
  forceStopFailure(service: ServiceName, id: string): void
}

export interface CloudSim {
  app: Hono
  /** fetch-compatible, in-process: never opens a socket. */
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>
  defaults: SimDefaults
  control: SimControl
}
