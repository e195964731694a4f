import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import type { SimContext, SimEnv } from '../http.js'
import { iamError, isRecord, isoMicros, sendJson } from '../http.js'
import type { JsonInput, JsonValue } from '@ops-console/lossless-json'
import type { SimState } from '../state.js'
import type { Project } from '../world/types.js'
import { requireAuth } from './gateway-auth.js'
import type { TokenRecord, TokenScope } from './token-store.js'

/** Stable 32-hex ids derived from names: the sim has no user/domain registry to allocate them. */
export const idFor = (kind: string, name: string): string =>
  createHash('sha256').update(`${kind}:${name}`).digest('hex').slice(0, 32)

const CATALOG_SERVICES = [
  ['identity', 'iam', 'iam'],
  ['dgc', 'dataarts', 'dataarts'],
  ['codeartsbuild', 'codearts', 'codearts'],
  ['dli', 'dli', 'dli'],
  ['modelarts', 'modelarts', 'modelarts'],
] as const

function projectView(c: SimContext, p: Project, domainId: string): JsonInput {
  const origin = new URL(c.req.url).origin
  return {
    id: p.id,
    name: p.name,
    domain_id: domainId,
    parent_id: domainId,
    enabled: true,
    is_domain: false,
    description: '',
    links: { self: `${origin}/iam/v3/projects/${p.id}` },
  }
}

function tokenBody(c: SimContext, state: SimState, t: TokenRecord, catalog: boolean): JsonInput {
  const domain = { id: t.domainId, name: t.domainName }
  const origin = new URL(c.req.url).origin
  const project =
    t.scope.kind === 'project'
      ? { id: t.scope.projectId, name: projectName(state, t.scope.projectId), domain }
      : undefined
  return {
    token: {
      methods: ['password'],
      expires_at: isoMicros(t.expiresAt),
      issued_at: isoMicros(t.issuedAt),
      project,
      domain: project ? undefined : domain,
      user: { id: t.userId, name: t.userName, domain, password_expires_at: '' },
      roles: [
        { id: idFor('role', 'te_admin'), name: 'te_admin' },
        { id: idFor('role', 'op_service'), name: 'op_service' },
      ],
      catalog: catalog
        ? CATALOG_SERVICES.map(([type, name, prefix]) => ({
            type,
            id: idFor('service', name),
            name,
            endpoints: state.world.projects.map((p) => ({
              id: idFor('endpoint', `${name}:${p.region}`),
              interface: 'public',
              region: p.region,
              region_id: p.region,
              url: `${origin}/${prefix}`,
            })),
          }))
        : undefined,
    },
  }
}

const projectName = (state: SimState, id: string): string =>
  state.world.projects.find((p) => p.id === id)?.name ?? id

/** Reads the scope block; project wins over domain (§6.1). Unscoped requests get a domain token. */
function resolveScope(
  state: SimState,
  scope: JsonValue | undefined,
  domainName: string,
): TokenScope | 'bad' {
  if (!isRecord(scope)) return { kind: 'domain' }
  const project = scope.project
  if (isRecord(project)) {
    const p = state.world.projects.find((x) => x.id === project.id || x.name === project.name)
    return p ? { kind: 'project', projectId: p.id, region: p.region } : 'bad'
  }
  const domain = scope.domain
  if (isRecord(domain))
    return domain.name === domainName || domain.id === idFor('domain', domainName)
      ? { kind: 'domain' }
      : 'bad'
  return { kind: 'domain' }
}

export function iamRoutes(state: SimState): Hono<SimEnv> {
  const auth = requireAuth(state, 'iam')
  return new Hono<SimEnv>()
    .post('/v3/auth/tokens', (c) => {
      let body: unknown
      try {
        body = JSON.parse(c.get('rawBody') || 'null')
      } catch {
        return iamError(c, 400, 'The request body is invalid')
      }
      const identity = isRecord(body) && isRecord(body.auth) ? body.auth.identity : undefined
      const user =
        isRecord(identity) && isRecord(identity.password) ? identity.password.user : undefined
      const methods = isRecord(identity) ? identity.methods : undefined
      if (
        !Array.isArray(methods) ||
        !methods.includes('password') ||
        !isRecord(user) ||
        typeof user.name !== 'string' ||
        typeof user.password !== 'string' ||
        !isRecord(user.domain)
      ) {
        return iamError(c, 400, 'The request body is invalid')
      }
      const domain = user.domain
      const match = state.options.users.find(
        (u) =>
          u.name === user.name &&
          u.password === user.password &&
          (u.domain === domain.name || idFor('domain', u.domain) === domain.id),
      )
      if (!match) return iamError(c, 401, 'The username or password is wrong.')
      const scope = resolveScope(
        state,
        isRecord(body) && isRecord(body.auth) ? body.auth.scope : undefined,
        match.domain,
      )
      if (scope === 'bad') return iamError(c, 400, 'The request body is invalid')
      const record: Omit<TokenRecord, 'expiresAt'> = {
        userId: idFor('user', `${match.domain}/${match.name}`),
        userName: match.name,
        domainId: idFor('domain', match.domain),
        domainName: match.domain,
        scope,
        issuedAt: state.clock.now(),
      }
      const token = state.tokens.issue(record)
      const issued = state.tokens.lookup(token) as TokenRecord
      const res = sendJson(c, 201, tokenBody(c, state, issued, !c.req.query('nocatalog')))
      res.headers.set('X-Subject-Token', token)
      return res
    })
    .get('/v3/auth/tokens', auth, (c) => {
      const subject = c.req.header('x-subject-token') ?? ''
      const record = state.tokens.lookup(subject)
      if (!record || state.clock.now() >= record.expiresAt)
        return iamError(c, 404, 'X-Subject-Token is invalid in the request')
      const res = sendJson(c, 200, tokenBody(c, state, record, !c.req.query('nocatalog')))
      res.headers.set('X-Subject-Token', subject)
      return res
    })
    .get('/v3/projects', auth, (c) => listProjects(c, state, c.req.query('name')))
    .get('/v3/auth/projects', auth, (c) => listProjects(c, state, undefined))
}

function listProjects(c: SimContext, state: SimState, name: string | undefined): Response {
  const caller = c.get('caller')
  const domainId =
    caller.kind === 'token'
      ? caller.token.domainId
      : idFor('domain', state.options.users[0]?.domain ?? '')
  const projects = state.world.projects.filter((p) => name === undefined || p.name === name)
  const self = new URL(c.req.url).toString()
  return sendJson(c, 200, {
    projects: projects.map((p) => projectView(c, p, domainId)),
    links: { self, previous: null, next: null },
  })
}
