/** Ports, origins and accounts shared by the Playwright config, the stack launcher and the specs. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8188)
export const E2E_SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 4188)
/** Must equal the BFF's PUBLIC_ORIGIN: its CSRF check compares the Origin header. */
export const BASE_URL = `http://localhost:${E2E_PORT}`
export const SIM_URL = `http://127.0.0.1:${E2E_SIM_PORT}`

/** A throwaway password for throwaway accounts on a throwaway database. */
export const E2E_PASSWORD = 'e2e-only-password-123'

export const USERS = {
  admin: { username: 'e2e-admin', role: 'admin', displayName: 'Ada Admin' },
  operator: { username: 'e2e-operator', role: 'operator', displayName: 'Otto Operator' },
  viewer: { username: 'e2e-viewer', role: 'viewer', displayName: 'Vera Viewer' },
} as const
export type E2eRole = keyof typeof USERS
