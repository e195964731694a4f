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
