import { Hono } from 'hono'
import type { MiddlewareHandler } from 'hono'
import { requireAuth } from '../auth/gateway-auth.js'
import type { SimContext, SimEnv } from '../http.js'
import { serviceError } from '../http.js'
import type { SimState } from '../state.js'
import type { DataArtsProject } from '../world/types.js'
import { dataartsJobRoutes } from './dataarts-jobs.js'
import { dataartsScriptRoutes } from './dataarts-scripts.js'

export const dlfError = (c: SimContext, code: string, message: string): Response =>
  serviceError(c, 'dataarts', 400, code, message)
export const JOB_NOT_FOUND = (c: SimContext): Response =>
  dlfError(c, 'DLF.0100', 'The job does not exists.')
export const BAD_PARAM = (c: SimContext, why: string): Response =>
  dlfError(c, 'DLF.3051', `The request parameter is invalid. ${why}`)

export function dataartsProject(state: SimState, c: SimContext): DataArtsProject {
  const projectId = c.req.param('project_id') as string
  let project = state.world.dataarts.get(projectId)
  if (!project) {
    project = {
      jobs: new Map(),
      instances: new Map(),
      scripts: new Map(),
      scriptInstances: new Map(),
    }
    state.world.dataarts.set(projectId, project)
  }
  return project
}

/**
 * The optional `workspace` header must name our workspace. The error for a wrong one is
 * unconfirmed; DLF.6241 ("resource does not exist") is our choice.
 */
function workspaceCheck(state: SimState): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const ws = c.req.header('workspace')
    if (ws !== undefined && ws !== state.world.workspaceId)
      return dlfError(c, 'DLF.6241', 'The workspace does not exist.')
    await next()
  }
}

export function dataartsRoutes(state: SimState): Hono<SimEnv> {
  const guards = [requireAuth(state, 'dataarts'), workspaceCheck(state)] as const
  return new Hono<SimEnv>()
    .route('/', dataartsJobRoutes(state, guards))
    .route('/', dataartsScriptRoutes(state, guards))
}

export type Guards = readonly [MiddlewareHandler<SimEnv>, MiddlewareHandler<SimEnv>]
