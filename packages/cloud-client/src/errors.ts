/** Names of the five cloud services this package talks to. */
export type ServiceName = 'iam' | 'dataarts' | 'codearts' | 'dli' | 'modelarts'

/**
 * Why a call failed: an HTTP error answer, no answer in time, no answer at all, a 3xx, an
 * unreadable body, bad local setup/input, or a local refusal to send because the service is
 * failing (`circuit-open`) or already has too many calls in flight (`bulkhead-full`).
 */
export type CloudErrorKind =
  | 'http'
  | 'timeout'
  | 'network'
  | 'redirect'
  | 'parse'
  | 'config'
  | 'circuit-open'
  | 'bulkhead-full'

export interface CloudErrorInit {
  service: ServiceName
  operation: string
  kind: CloudErrorKind
  message: string
  status?: number | null
  code?: string | null
  requestId?: string | null
  retryable?: boolean
  retryAfterMs?: number
  /** Set when the transport failed before a connection existed (e.g. ECONNREFUSED): nothing was sent. */
  notConnected?: boolean
}

/**
 * The single error type thrown by the cloud client. `message` is the cloud's own message (or a
 * short local description) and never contains credentials, tokens or request bodies.
 */
export class CloudError extends Error {
  override readonly name = 'CloudError'
  readonly service: ServiceName
  readonly operation: string
  readonly kind: CloudErrorKind
  readonly status: number | null
  readonly code: string | null
  readonly requestId: string | null
  readonly retryable: boolean
  readonly retryAfterMs?: number
  readonly notConnected: boolean

  constructor(init: CloudErrorInit) {
    super(init.message)
    this.service = init.service
    this.operation = init.operation
    this.kind = init.kind
    this.status = init.status ?? null
    this.code = init.code ?? null
    this.requestId = init.requestId ?? null
    this.retryable = init.retryable ?? false
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs
    this.notConnected = init.notConnected ?? false
  }
}

export function isCloudError(value: unknown): value is CloudError {
  return value instanceof CloudError
}

/**
 * True when nothing reached the cloud: the client refused the call before sending (bad input, open
 * circuit, full bulkhead) or no connection could be opened (refused, unresolvable host). A mutation
 * that failed this way certainly did not happen upstream.
 */
export function wasNeverSent(error: CloudError): boolean {
  return (
    error.kind === 'config' ||
    error.kind === 'circuit-open' ||
    error.kind === 'bulkhead-full' ||
    error.notConnected
  )
}

/** A 'config' error: invalid options or caller input, detected before anything is sent. */
export function configError(service: ServiceName, operation: string, message: string): CloudError {
  return new CloudError({ service, operation, kind: 'config', message })
}
