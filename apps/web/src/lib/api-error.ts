/** Cloud-side details of a failure that came from upstream (never the upstream body). */
export interface UpstreamDetails {
  service: string
  status?: number | undefined
  cloudCode?: string | undefined
  cloudMessage?: string | undefined
  requestId?: string | undefined
}

/** Every failed BFF call surfaces as an ApiError; network failures use status 0 and code NETWORK. */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly upstream?: UpstreamDetails,
    readonly retryAfterSeconds?: number,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}
