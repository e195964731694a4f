import type { AuthProvider } from './auth-provider.js'
import { signRequest } from './aksk-signer.js'

export interface AkSkCredentials {
  type: 'aksk'
  ak: string
  sk: string
  /** For temporary AK/SK (STS / agency). Sent as X-Security-Token, which the SDK signs too. */
  securityToken?: string
}

/**
 * Signs every request with SDK-HMAC-SHA256. Like the SDK's BasicCredentials it also sends
 * `X-Project-Id` (DataArts requires it for signed calls when the account has several projects).
 */
export function createAkSkAuth(
  credentials: AkSkCredentials,
  projectId: string | undefined,
  now: () => Date = () => new Date(),
): AuthProvider {
  return {
    authorize(request) {
      const added: Record<string, string> = {}
      if (projectId) added['X-Project-Id'] = projectId
      // (unconfirmed in the spec, §1.3.7) the SDK sends the session token as X-Security-Token.
      if (credentials.securityToken) added['X-Security-Token'] = credentials.securityToken
      const signed = signRequest(
        { ...request, headers: { ...request.headers, ...added } },
        credentials.ak,
        credentials.sk,
        now(),
      )
      return Promise.resolve({ headers: { ...added, ...signed } })
    },
  }
}
