// Public API of @ops-console/cloud-client — the only code in ops-console that talks to Huawei Cloud.
export {
  createCloudClient,
  type CloudClient,
  type CloudClientOptions,
  type CloudCredentials,
} from './client.js'
export {
  CloudError,
  isCloudError,
  wasNeverSent,
  type CloudErrorKind,
  type ServiceName,
} from './errors.js'
export {
  createResilienceRegistry,
  type ResilienceRegistry,
  type ResilienceOptions,
  type EndpointHealth,
} from './resilience/resilience-registry.js'
export {
  DEFAULT_BREAKER,
  type BreakerOptions,
  type BreakerState,
} from './resilience/circuit-breaker.js'
export { DEFAULT_BULKHEAD, type BulkheadOptions } from './resilience/bulkhead.js'
export { describeWarning, type CloudWarning, type CloudWarningCode } from './warnings.js'
export type { PagedList, PagingScheme } from './paging/collect-pages.js'
export type {
  CloudResult,
  FetchLike,
  RetryOptions,
  RequestInfo,
  OnRequestHook,
  CallOptions,
} from './types.js'
export { defaultHost, type EndpointOverrides } from './endpoints/resolve.js'
export { CLOUD_PROVIDERS, presetRegions, type CloudProvider } from './endpoints/presets.js'
export type { AkSkCredentials } from './auth/aksk-provider.js'
export type { PasswordCredentials, IssuedToken, TokenBody } from './iam/token-request.js'
export {
  createPasswordTokenProvider,
  type TokenProvider,
  type PasswordTokenProviderOptions,
} from './auth/password-token-provider.js'
export { createHttpCore, type HttpCore, type HttpCoreOptions } from './http/http-core.js'
export { signRequest, type SignableRequest } from './auth/aksk-signer.js'
export type { IamClient, CreateProjectTokenInput, ListProjectsInput } from './iam/iam-client.js'
export type { IamProject, IamProjectList } from './iam/schemas.js'
export type {
  DataArtsClient,
  ListDataArtsJobsInput,
  ListJobInstancesInput,
} from './dataarts/dataarts-client.js'
export type * from './dataarts/schemas.js'
export type { CodeArtsClient } from './codearts/codearts-client.js'
export type { CodeArtsStopRoute, StopBuildResult } from './codearts/stop-build.js'
export type * from './codearts/schemas.js'
export type { DliClient, ListFlinkJobsInput } from './dli/dli-client.js'
export type { DliBatchItem, DliBatchAction } from './dli/batch-outcome.js'
export type { FlinkJob, FlinkJobList, FlinkJobDetail, DliSimpleResult } from './dli/schemas.js'
export type { ModelArtsClient, ListProcessorTasksInput } from './modelarts/modelarts-client.js'
export { MODELARTS_STATUS } from './modelarts/schemas.js'
export type {
  ProcessorTask,
  ProcessorTaskList,
  ProcessorTaskVersion,
  ProcessorTaskVersionList,
} from './modelarts/schemas.js'
export {
  checkConnection,
  type ConnectionCheckOptions,
  type ServiceCheck,
  type CheckOutcome,
} from './check/connection-check.js'
