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

/** `POST /api/auth/password`. */
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12, 'use at least 12 characters').max(200),
})
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>
