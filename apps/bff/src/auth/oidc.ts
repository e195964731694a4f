import * as client from 'openid-client'
import type { Kysely } from 'kysely'
import {
  findHiddenCharacter,
  hasRole,
  type ErrorCode,
  type Role,
  type SessionUser,
  type SignInError,
} from '@ops-console/contracts'
import type { Database } from '../db/schema.js'
import type { Clock } from '../lib/clock.js'
import type { OidcConfig } from '../lib/config.js'
import { AppError } from '../lib/errors.js'
import { hashSessionId as sha256Hex } from './sessions.js'

const FLOW_TTL_MS = 10 * 60_000
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** The highest role any of the user's groups maps to, or null when none does. */
export function roleFromGroups(groups: unknown, mapping: Record<string, Role>): Role | null {
  const list = Array.isArray(groups)
    ? groups.filter((g): g is string => typeof g === 'string')
    : typeof groups === 'string'
      ? [groups]
      : []
  let best: Role | null = null
  for (const g of list) {
    const role = mapping[g]
    if (role && (!best || hasRole(role, best))) best = role
  }
  return best
}

/** A failed sign-in, with the code the sign-in page explains (`/login?error=<code>`). */
export class SignInFailure extends AppError {
  constructor(
    readonly signInError: SignInError,
    code: ErrorCode,
    message: string,
    cause?: unknown,
  ) {
    super(code, message, cause === undefined ? {} : { cause })
  }
}

export interface OidcService {
  /** Starts a flow: returns the IdP URL and the `state` to bind to the browser (cookie). */
  begin(): Promise<{ url: string; state: string }>
  /** Completes the flow from the callback URL; `cookieState` must equal the returned state. */
  complete(callbackUrl: URL, cookieState: string | undefined): Promise<SessionUser>
}

/** Authorization code + PKCE (S256) + state + nonce, with openid-client v6. */
export function createOidcService(
  cfg: OidcConfig,
  db: Kysely<Database>,
  clock: Clock,
): OidcService {
  let discovered: Promise<client.Configuration> | null = null
  const configuration = () => {
    // Plain http is accepted for loopback issuers only (config validation refuses it elsewhere).
    const insecure =
      !cfg.issuer.startsWith('https://') && LOOPBACK.has(new URL(cfg.issuer).hostname)
    discovered ??= client
      // client_secret_basic: the registration default (RFC 7591) that every IdP supports.
      .discovery(
        new URL(cfg.issuer),
        cfg.clientId,
        undefined,
        client.ClientSecretBasic(cfg.clientSecret),
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((err: unknown) => {
        discovered = null // retry discovery on the next login
        throw err
      })
    return discovered
  }
  const fail = (why: SignInError, message: string, cause?: unknown) =>
    new SignInFailure(why, 'UNAUTHENTICATED', message, cause)

  return {
    async begin() {
      const config = await configuration().catch((err: unknown) => {
        throw new SignInFailure(
          'sso_unavailable',
          'UPSTREAM_UNAVAILABLE',
          'the identity provider is unreachable',
          err,
        )
      })
      const codeVerifier = client.randomPKCECodeVerifier()
      const state = client.randomState()
      const nonce = client.randomNonce()
      const now = clock.now()
      await db
        .deleteFrom('oidc_flows')
        .where('created_at', '<', new Date(now.getTime() - FLOW_TTL_MS).toISOString())
        .execute()
      await db
        .insertInto('oidc_flows')
        .values({
          state_hash: sha256Hex(state),
          nonce,
          code_verifier: codeVerifier,
          created_at: now.toISOString(),
        })
        .execute()
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: cfg.redirectUri,
        scope: 'openid profile email',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      return { url: url.href, state }
    },
    async complete(callbackUrl, cookieState) {
      // RFC 6749 §4.1.2.1: the IdP reports a refusal (or a cancel) as `error` on the redirect.
      const idpError = callbackUrl.searchParams.get('error')
      if (idpError)
        throw fail('sso_denied', `the identity provider answered ${idpError.slice(0, 64)}`)
      const state = callbackUrl.searchParams.get('state')
      if (!state || !cookieState || state !== cookieState)
        throw fail('sso_state', 'sign-in was not started from this browser')
      const hash = sha256Hex(state)
      // Single use: delete first; only the request that deleted the row may continue.
      const flow = await db
        .selectFrom('oidc_flows')
        .selectAll()
        .where('state_hash', '=', hash)
        .executeTakeFirst()
      const deleted = await db
        .deleteFrom('oidc_flows')
        .where('state_hash', '=', hash)
        .executeTakeFirst()
      if (!flow || deleted.numDeletedRows === 0n)
        throw fail('sso_expired', 'sign-in expired; start again')
      if (clock.now().getTime() - Date.parse(flow.created_at) > FLOW_TTL_MS)
        throw fail('sso_expired', 'sign-in expired; start again')
      const config = await configuration().catch((err: unknown) => {
        throw fail('sso_unavailable', 'the identity provider is unreachable', err)
      })
      const current = new URL(cfg.redirectUri)
      current.search = callbackUrl.search
      let tokens
      try {
        tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: flow.code_verifier,
          expectedState: state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        })
      } catch (err) {
        throw fail('sso_failed', 'the identity provider did not confirm the sign-in', err)
      }
      const claims = tokens.claims()
      if (!claims) throw fail('sso_failed', 'no ID token')
      let groups: unknown = claims[cfg.groupsClaim]
      if (groups === undefined) {
        const info = await client
          .fetchUserInfo(config, tokens.access_token, claims.sub)
          .catch(() => null)
        groups = info?.[cfg.groupsClaim]
      }
      const role = roleFromGroups(groups, cfg.roleMapping)
      if (!role)
        throw new SignInFailure('no_role', 'FORBIDDEN', 'your account has no ops-console role')
      const username =
        typeof claims.preferred_username === 'string'
          ? claims.preferred_username
          : typeof claims.email === 'string'
            ? claims.email
            : claims.sub
      // The username becomes the audit actor: one that could hide or reorder characters is refused.
      if (findHiddenCharacter(username) || username.length > 200)
        throw fail(
          'sso_failed',
          'the identity provider sent a username with control or invisible characters',
        )
      // A display name is cosmetic: an unusable one falls back to the username.
      const name = typeof claims.name === 'string' ? claims.name : ''
      const displayName = name && !findHiddenCharacter(name) && name.length <= 200 ? name : username
      return { username, displayName, role, authMethod: 'oidc' }
    },
  }
}
