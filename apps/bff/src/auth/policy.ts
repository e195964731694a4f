import type { Role } from '@ops-console/contracts'

/** `public`: no session needed; a Role: signed in with at least that role. */
export type Access = 'public' | Role

export interface PolicyRule {
  method: 'GET' | 'POST'
  /** Segments; `:name` matches exactly one non-empty segment. */
  pattern: string
  access: Access
}

/**
 * Every API route and who may call it (docs/architecture.md). Anything under /api not listed
 * here is denied before it reaches a handler. More specific patterns come first.
 */
export const POLICY: readonly PolicyRule[] = [
  { method: 'POST', pattern: '/api/auth/login', access: 'public' },
  { method: 'GET', pattern: '/api/auth/me', access: 'public' },
  { method: 'GET', pattern: '/api/auth/oidc/login', access: 'public' },
  { method: 'GET', pattern: '/api/auth/oidc/callback', access: 'public' },
  { method: 'POST', pattern: '/api/auth/logout', access: 'viewer' },
  { method: 'POST', pattern: '/api/auth/password', access: 'viewer' },
  { method: 'GET', pattern: '/api/openapi.json', access: 'viewer' },
  { method: 'GET', pattern: '/api/targets', access: 'viewer' },
  { method: 'GET', pattern: '/api/workloads/overview', access: 'viewer' },
  { method: 'GET', pattern: '/api/workloads/stream', access: 'viewer' },
  { method: 'GET', pattern: '/api/workloads', access: 'viewer' },
  { method: 'POST', pattern: '/api/workloads/bulk/stop', access: 'operator' },
  { method: 'POST', pattern: '/api/workloads/bulk/delete', access: 'admin' },
  { method: 'GET', pattern: '/api/workloads/:kind', access: 'viewer' },
  { method: 'GET', pattern: '/api/workloads/:kind/:target/:id', access: 'viewer' },
  { method: 'POST', pattern: '/api/workloads/:kind/:target/:id/stop', access: 'operator' },
  { method: 'POST', pattern: '/api/workloads/:kind/:target/:id/delete', access: 'admin' },
  { method: 'GET', pattern: '/api/scripts', access: 'viewer' },
  { method: 'GET', pattern: '/api/scripts/instances', access: 'viewer' },
  { method: 'POST', pattern: '/api/scripts/instances', access: 'operator' },
  { method: 'POST', pattern: '/api/scripts/:target/:scriptName/execute', access: 'operator' },
  { method: 'GET', pattern: '/api/audit', access: 'viewer' },
  { method: 'GET', pattern: '/api/audit/export', access: 'admin' },
  { method: 'GET', pattern: '/api/cloud-check', access: 'admin' },
]

/** Routes a user who must change their password can still use. */
export const PASSWORD_CHANGE_ALLOWED = new Set([
  '/api/auth/me',
  '/api/auth/password',
  '/api/auth/logout',
  '/api/auth/login',
])

function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return false
  return want.every((seg, i) => (seg.startsWith(':') ? (got[i] ?? '') !== '' : seg === got[i]))
}

/** The rule for a request, or undefined (deny). HEAD is authorised like GET. */
export function findRule(method: string, path: string): PolicyRule | undefined {
  const m = method === 'HEAD' ? 'GET' : method
  return POLICY.find((r) => r.method === m && matches(r.pattern, path))
}
