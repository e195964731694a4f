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

/** The API's message for one field of a refused request (`error.fields` of the envelope). */
export function fieldError(e: unknown, field: string): string | undefined {
  return e instanceof ApiError ? e.fields?.[field] : undefined
}

/** True when every field the API complained about is shown next to its field already. */
export function onlyFieldErrors(e: unknown, shown: readonly string[]): boolean {
  if (!(e instanceof ApiError) || e.code !== 'VALIDATION_FAILED' || !e.fields) return false
  const keys = Object.keys(e.fields)
  return keys.length > 0 && keys.every((k) => shown.includes(k))
}
