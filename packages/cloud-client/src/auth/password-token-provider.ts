import type { HttpCore } from '../http/http-core.js'
import { requestProjectToken, type PasswordCredentials } from '../iam/token-request.js'
import type { AuthProvider } from './auth-provider.js'

/** Supplies project-scoped IAM tokens; share one instance between clients of the same project. */
export interface TokenProvider {
  /** A valid token (cached; fetched or refreshed when missing or close to expiry). */
  getToken(): Promise<string>
  /**
   * Drops `staleToken` after a service rejected it and fetches a new one. When another caller has
   * already replaced it, nothing is fetched. Resolves to true when a fresh token is now current (rejects with
   * the IAM CloudError when none could be fetched).
   */
  refresh(staleToken: string | undefined): Promise<boolean>
}

export interface PasswordTokenProviderOptions {
  /** An HTTP core for the IAM endpoint without auth. */
  iam: HttpCore
  credentials: PasswordCredentials
  projectId: string
  /** Refresh when less than this is left (default 1 h; at most half the token lifetime). */
  refreshMarginMs?: number
  now?: () => number
}

interface Cached {
  token: string
  expiresAtMs: number
  refreshAtMs: number
}

/**
 * Password-based project token cache with single-flight fetching: any number of concurrent callers
 * share one IAM request. Expiry is measured on the local clock as (local receipt time + the token
 * lifetime `expires_at - issued_at`), so a skewed server or simulator clock cannot make every
 * token look expired.
 */
export function createPasswordTokenProvider(options: PasswordTokenProviderOptions): TokenProvider {
  const now = options.now ?? Date.now
  const margin = options.refreshMarginMs ?? 60 * 60 * 1000
  let cached: Cached | undefined
  let inflight: Promise<Cached> | undefined

  function fetchToken(): Promise<Cached> {
    inflight ??= (async () => {
      try {
        const receivedAt = now()
        const { data } = await requestProjectToken(
          options.iam,
          options.credentials,
          options.projectId,
        )
        const expires = Date.parse(data.expiresAt)
        const issued = data.issuedAt ? Date.parse(data.issuedAt) : NaN
        const lifetime =
          Number.isNaN(issued) || Number.isNaN(expires) ? 23 * 60 * 60 * 1000 : expires - issued
        const expiresAtMs = receivedAt + lifetime
        cached = {
          token: data.token,
          expiresAtMs,
          refreshAtMs: expiresAtMs - Math.min(margin, lifetime / 2),
        }
        return cached
      } finally {
        inflight = undefined
      }
    })()
    return inflight
  }

  return {
    async getToken() {
      const current = cached
      if (current && now() < current.refreshAtMs) return current.token
      try {
        return (await fetchToken()).token
      } catch (error) {
        // An early refresh that fails still leaves a usable token until it really expires.
        if (current && now() < current.expiresAtMs) return current.token
        throw error
      }
    },
    async refresh(staleToken) {
      if (cached && staleToken !== undefined && cached.token !== staleToken) return true
      if (!inflight) cached = undefined
      await fetchToken()
      return true
    },
  }
}

/** Sends `X-Auth-Token`; on a 401 asks the provider for a new token once. */
export function createTokenAuth(provider: TokenProvider): AuthProvider {
  return {
    async authorize() {
      const token = await provider.getToken()
      return { headers: { 'X-Auth-Token': token }, credentialId: token }
    },
    refreshAfterUnauthorized: (credentialId) => provider.refresh(credentialId),
  }
}
