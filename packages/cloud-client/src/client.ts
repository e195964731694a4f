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
import type { CloudProvider } from './endpoints/presets.js'
import { resolveBaseUrl, type EndpointOverrides } from './endpoints/resolve.js'
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
  /** Which cloud the region belongs to; picks the preset host table (default `huaweicloud`). */
  provider?: CloudProvider
  /** Per-service base URLs (may include a path prefix, e.g. `http://127.0.0.1:4010/dli`); win over the preset. */
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
  readonly provider: CloudProvider
  /** Base URL per service, or null where the provider offers none in this region (calls fail as `config`). */
  readonly endpoints: Readonly<Record<ServiceName, string | null>>
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
  const provider = options.provider ?? 'huaweicloud'
  const bases = resolveAll(options, provider, policy)
  const httpCore = (
    service: ServiceName,
    auth: AuthProvider | null,
    headers?: Record<string, string>,
  ) => {
    const base = bases[service]
    return typeof base === 'string'
      ? createHttpCore({ ...common, service, baseUrl: base, auth, ...(headers ? { headers } : {}) })
      : refusingCore(service, base)
  }
  const anonymousIam = httpCore('iam', null)

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
  const ctx = (service: ServiceName, headers?: Record<string, string>) => ({
    core: httpCore(service, auth, headers),
    projectId: options.projectId,
  })

  return {
    region: options.region,
    projectId: options.projectId,
    provider,
    endpoints: Object.fromEntries(
      SERVICES.map((service) => [
        service,
        typeof bases[service] === 'string' ? bases[service] : null,
      ]),
    ) as Record<ServiceName, string | null>,
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

const SERVICES: readonly ServiceName[] = ['iam', 'dataarts', 'codearts', 'dli', 'modelarts']

/**
 * Base URL per service. Invalid overrides throw at once (a setup mistake); a service the provider
 * does not offer in the region only fails its own calls, so the other services keep working.
 */
function resolveAll(
  options: CloudClientOptions,
  provider: CloudProvider,
  policy: { allowInsecureLoopback: boolean; nodeEnv: string | undefined },
): Record<ServiceName, string | CloudError> {
  const bases = {} as Record<ServiceName, string | CloudError>
  for (const service of SERVICES) {
    const override = options.endpoints?.[service]
    try {
      bases[service] = resolveBaseUrl(service, options.region, override, policy, provider)
    } catch (error) {
      if (
        override !== undefined ||
        !(error instanceof CloudError) ||
        /Invalid region/.test(error.message)
      )
        throw error
      bases[service] = error
    }
  }
  return bases
}

/** An HTTP core for a service without an endpoint: every call rejects with the config error, nothing is sent. */
function refusingCore(service: ServiceName, error: CloudError): HttpCore {
  return { service, request: () => Promise.reject(error) }
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
