import { z } from 'zod'

export const Role = z.enum(['viewer', 'operator', 'admin'])
export type Role = z.infer<typeof Role>

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 }

/** True when `role` is at least `needed` (admin > operator > viewer). */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed]
}

export const SessionUser = z.object({
  username: z.string(),
  displayName: z.string(),
  role: Role,
  authMethod: z.enum(['local', 'oidc']),
})
export type SessionUser = z.infer<typeof SessionUser>

/** `GET /api/auth/me`: who is signed in, and what the login page should offer. */
export const MeResponse = z.object({
  user: SessionUser.nullable(),
  demoMode: z.boolean(),
  oidc: z.boolean(),
  /** True until a local user with a one-time password has set their own. */
  mustChangePassword: z.boolean(),
})
export type MeResponse = z.infer<typeof MeResponse>

/**
 * Why a single sign-on did not end in a session. The BFF redirects the browser to
 * `/login?error=<code>` (a page, never a JSON body), and the sign-in page explains the code.
 */
export const SIGN_IN_ERRORS = [
  'sso_denied', // the identity provider answered with an error (e.g. the user cancelled)
  'sso_state', // the callback does not belong to a sign-in started in this browser
  'sso_expired', // the sign-in took too long or was already used
  'sso_failed', // the identity provider did not confirm the sign-in
  'sso_unavailable', // the identity provider could not be reached
  'no_role', // signed in, but no group maps to an ops-console role
] as const
export const SignInError = z.enum(SIGN_IN_ERRORS)
export type SignInError = z.infer<typeof SignInError>

/** `POST /api/auth/password`. */
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12, 'Use at least 12 characters.').max(200),
})
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>
