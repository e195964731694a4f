import type { MiddlewareHandler } from 'hono'
import type { Caller, SimContext, SimEnv } from '../http.js'
import { gatewayError, iamError, isoMicros, serviceError } from '../http.js'
import type { SimState } from '../state.js'
import type { ServiceName } from '../types.js'
import { checkAkSk } from './aksk-gate.js'
import { projectHeaderError } from './project-header.js'
import { scopeError } from './scope-errors.js'

const PREFIX = 'Incorrect IAM authentication information: '

/** Who the caller is, or the gateway's reason for refusing them. */
export function authenticate(state: SimState, c: SimContext): Caller | { reason: string } {
  const token = c.req.header('x-auth-token')
  if (token !== undefined) {
    const record = state.tokens.lookup(token)
    if (!record) return { reason: 'decrypt token fail' }
    if (state.clock.now() >= record.expiresAt)
      return { reason: `token expires, expires_at: ${isoMicros(record.expiresAt)}` }
    return { kind: 'token', token: record }
  }
  const authorization = c.req.header('authorization')
  if (authorization?.startsWith('SDK-HMAC-SHA256')) {
    const checked = checkAkSk(state, c)
    return 'reason' in checked ? checked : { kind: 'aksk', ak: checked.ak, pair: checked }
  }
  return { reason: 'x-auth-token not found' }
}

/** Services the caller's user or key may not use (SimUser.deny / SimAkSk.deny). */
function denied(state: SimState, caller: Caller, service: ServiceName): boolean {
  if (caller.kind === 'aksk') return caller.pair.deny?.includes(service) === true
  const user = state.options.users.find(
    (u) => u.name === caller.token.userName && u.domain === caller.token.domainName,
  )
  return user?.deny?.includes(service) === true
}

/** Whether the caller may act on IAM project `projectId` (AK/SK: any project of the account). */
export function mayUseProject(state: SimState, caller: Caller, projectId: string): boolean {
  if (caller.kind === 'aksk') return state.world.projects.some((p) => p.id === projectId)
  return caller.token.scope.kind === 'project' && caller.token.scope.projectId === projectId
}

/** Whether the caller may act in `region` (CodeArts projects live in one region each). */
export function mayUseRegion(caller: Caller, region: string): boolean {
  if (caller.kind === 'aksk') return true
  return caller.token.scope.kind === 'project' && caller.token.scope.region === region
}

/**
 * Route middleware playing the API gateway: 401 APIGW.0301 for missing/bad credentials, then
 * the service's own 403 when a `{project_id}` path parameter is outside the token's scope.
 */
export function requireAuth(state: SimState, service: ServiceName): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const caller = authenticate(state, c)
    if ('reason' in caller) {
      if (service === 'iam')
        return iamError(c, 401, 'The request you have made requires authentication.')
      return gatewayError(c, 401, 'APIGW.0301', `${PREFIX}${caller.reason}`)
    }
    c.set('caller', caller)
    // Gateway-level permission check; code and wording of the 403 are our choice (unconfirmed).
    if (denied(state, caller, service))
      return gatewayError(c, 403, 'APIGW.0302', 'The IAM user is not authorized to access the API.')
    const header = projectHeaderError(state, c, caller, service)
    if (header) return header
    if (service === 'iam') return next()
    if (service === 'codearts') {
      // §1.2: CodeArts Build rejects global (domain-scoped) tokens outright.
      if (caller.kind === 'token' && caller.token.scope.kind !== 'project')
        return scopeError(c, service)
      return next()
    }
    const projectId = c.req.param('project_id')
    if (projectId !== undefined && !mayUseProject(state, caller, projectId)) {
      if (
        service === 'modelarts' &&
        caller.kind === 'token' &&
        caller.token.scope.kind === 'domain'
      ) {
        return serviceError(
          c,
          service,
          400,
          'ModelArts.0204',
          'Project info not found in the token. Use a project-scoped token.',
        )
      }
      return scopeError(c, service)
    }
    return next()
  }
}
