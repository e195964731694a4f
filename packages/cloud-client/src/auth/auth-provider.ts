/** The request an auth provider decorates (URL and body exactly as they will be sent). */
export interface OutgoingRequest {
  method: string
  url: URL
  headers: Record<string, string>
  body?: string
}

export interface Authorization {
  headers: Record<string, string>
  /** Opaque credential version (the token used), handed back on a 401 so refreshes can be deduplicated. */
  credentialId?: string
}

/** Adds credentials to requests; one per client. */
export interface AuthProvider {
  authorize(request: OutgoingRequest): Promise<Authorization>
  /**
   * Called when a service answered 401 to a request made with `credentialId`. Returns true when
   * fresh credentials are available, so the request may be sent once more.
   */
  refreshAfterUnauthorized?(credentialId: string | undefined): Promise<boolean>
}
