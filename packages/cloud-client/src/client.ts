import type { AkSkCredentials } from './auth/aksk-provider.js'
import { createAkSkAuth } from './auth/aksk-provider.js'
import type { AuthProvider } from './auth/auth-provider.js'
import {
  createPasswordTokenProvider,
  createTokenAuth,
  type TokenProvider,
} from './auth/password-token-provider.js'
import { createCodeArtsClient, type CodeArtsClient } from './codearts/codearts-client.js'
import type { CodeArtsStopRoute } from './codearts/stop-build.js'
import { createDataArtsClient, type DataArtsClient } from './dataarts/dataarts-client.js'
import { createDliClient, type DliClient } from './dli/dli-client.js'
import { resolveBaseUrl, type EndpointOverrides } from './endpoints.js'
import { CloudError, type ServiceName } from './errors.js'
import { defaultFetch } from './http/default-transport.js'
import { createHttpCore, type HttpCore } from './http/http-core.js'
import { DEFAULT_RETRY } from './http/retry-policy.js'
import { createIamClient, type IamClient } from './iam/iam-client.js'
import type { PasswordCredentials } from './iam/token-request.js'
import { createModelArtsClient, type ModelArtsClient } from './modelarts/modelarts-client.js'
import {
  createResilienceRegistry,
  type ResilienceRegistry,
} from './resilience/resilience-registry.js'
import type { FetchLike, OnRequestHook, RetryOptions } from './types.js'

export type CloudCredentials = AkSkCredentials | PasswordCredentials

export interface CloudClientOptions {
  /** Region id, e.g. `cn-north-4`. */
  region: string
  /** IAM project id of that region (32 hex chars). */
  projectId: string
  /** DataArts workspace id, sent as the `workspace` header on DataArts calls. */
  workspace?: string
  credentials: CloudCredentials
  /** Per-service base URLs (may include a path prefix, e.g. `http://127.0.0.1:4010/dli`). */
  endpoints?: EndpointOverrides
  /** Allow `http:` endpoints on loopback hosts outside production (simulator, tests). */
  allowInsecureLoopback?: boolean
  /** Transport; default: undici fetch over a keep-alive pool. */
  fetch?: FetchLike
  /** Per-attempt timeout (default 15 s). */
  timeoutMs?: number
  /** Retries for reads only (default 3 attempts, 200 ms base, 5 s max). */
  retry?: RetryOptions
  /** CodeArts stop API: 'auto' (default) falls back from v1 to v3 to legacy only when a route is gone. */
  codeartsStopRoute?: 'auto' | CodeArtsStopRoute
  /** Share one token cache between clients of the same project (password credentials only). */
  tokenProvider?: TokenProvider
  /**
   * Circuit breakers and bulkheads per (service, base URL). Pass one registry to every client of
   * the process so they share them; default: a registry of this client's own.
   */
  resilience?: ResilienceRegistry
  /** Metrics hook, called once per HTTP attempt; receives no secrets. */
  onRequest?: OnRequestHook
  /** Clock for signatures and token expiry (tests). */
  now?: () => number
  /** Overrides `process.env.NODE_ENV` for the loopback rule (tests). */
  nodeEnv?: string
}

export interface CloudClient {
  readonly region: string
  readonly projectId: string
  readonly iam: IamClient
  readonly dataarts: DataArtsClient
  readonly codearts: CodeArtsClient
  readonly dli: DliClient
  readonly modelarts: ModelArtsClient
  /** The token provider in use (password credentials), e.g. to share with another client. */
  readonly tokenProvider: TokenProvider | null
  /** The breakers and bulkheads in use, e.g. for `resilience.snapshot()` in a health report. */
  readonly resilience: ResilienceRegistry
}

/**
 * Creates the client for one region/project. Invalid options throw a CloudError of kind 'config'
 * before anything is sent.
 */
export function createCloudClient(options: CloudClientOptions): CloudClient {
  const now = options.now ?? Date.now
  const policy = {
    allowInsecureLoopback: options.allowInsecureLoopback ?? false,
    nodeEnv: options.nodeEnv ?? process.env.NODE_ENV,
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(options.projectId)) {
    throw new CloudError({
      service: 'iam',
      operation: 'createCloudClient',
      kind: 'config',
      message: 'Invalid projectId',
    })
  }
  const fetch = options.fetch ?? defaultFetch()
  const resilience = options.resilience ?? createResilienceRegistry()
  const common = {
    fetch,
    resilience,
    timeoutMs: options.timeoutMs ?? 15_000,
    retry: options.retry ?? DEFAULT_RETRY,
    now,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  }
  const baseUrl = (service: ServiceName) =>
    resolveBaseUrl(service, options.region, options.endpoints?.[service], policy)
  const bases = {
    iam: baseUrl('iam'),
    dataarts: baseUrl('dataarts'),
    codearts: baseUrl('codearts'),
    dli: baseUrl('dli'),
    modelarts: baseUrl('modelarts'),
  }
  const anonymousIam = createHttpCore({ ...common, service: 'iam', baseUrl: bases.iam, auth: null })

  let auth: AuthProvider
  let tokenProvider: TokenProvider | null = null
  if (options.credentials.type === 'aksk') {
    auth = createAkSkAuth(options.credentials, options.projectId, () => new Date(now()))
  } else {
    tokenProvider =
      options.tokenProvider ??
      createPasswordTokenProvider({
        iam: anonymousIam,
        credentials: options.credentials,
        projectId: options.projectId,
        now,
      })
    auth = createTokenAuth(tokenProvider)
  }
  const core = (service: ServiceName, headers?: Record<string, string>): HttpCore =>
    createHttpCore({
      ...common,
      service,
      baseUrl: bases[service],
      auth,
      ...(headers ? { headers } : {}),
    })
  const ctx = (service: ServiceName, headers?: Record<string, string>) => ({
    core: core(service, headers),
    projectId: options.projectId,
  })

  return {
    region: options.region,
    projectId: options.projectId,
    tokenProvider,
    resilience,
    iam: rejectInsteadOfThrow(createIamClient(ctx('iam'), anonymousIam)),
    dataarts: rejectInsteadOfThrow(
      createDataArtsClient(
        ctx('dataarts', options.workspace ? { workspace: options.workspace } : undefined),
      ),
    ),
    codearts: rejectInsteadOfThrow(
      createCodeArtsClient(ctx('codearts'), options.codeartsStopRoute ?? 'auto'),
    ),
    dli: rejectInsteadOfThrow(createDliClient(ctx('dli'))),
    modelarts: rejectInsteadOfThrow(createModelArtsClient(ctx('modelarts'))),
  }
}

/** Input validation throws synchronously inside the methods; callers always get a rejected promise instead. */
function rejectInsteadOfThrow<T extends Record<string, (...args: never[]) => Promise<unknown>>>(
  service: T,
): T {
  const wrapped: Record<string, unknown> = {}
  for (const [name, method] of Object.entries(service)) {
    wrapped[name] = (...args: never[]) => {
      try {
        return method(...args)
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)))
      }
    }
  }
  return wrapped as T
}
