import type { Caller, SimContext } from '../http.js'
import { serviceError } from '../http.js'
import type { SimState } from '../state.js'
import type { ServiceName } from '../types.js'
import { scopeError } from './scope-errors.js'

/**
 * `X-Project-Id` on AK/SK calls (cloud-api.md §1.2). A signed call is made for the account, not
 * for a project, so the header says which project it acts in:
 * - a value that is not a project of the account, or that differs from the `{project_id}` in the
 *   path, is the service's 403 scope error (our choice; the docs give no error for it);
 * - DataArts documents the header as mandatory once the account has several projects in the
 *   region; without it such a call is DLF.3051 (our choice of code).
 * Token calls carry their project in the token, so the header is not consulted for them.
 */
export function projectHeaderError(
  state: SimState,
  c: SimContext,
  caller: Caller,
  service: ServiceName,
): Response | undefined {
  if (caller.kind !== 'aksk' || service === 'iam') return undefined
  const header = c.req.header('x-project-id')
  const pathProject = c.req.param('project_id')
  const projects = state.world.projects
  if (header !== undefined) {
    const known = projects.some((p) => p.id === header)
    const mismatch = pathProject !== undefined && service !== 'codearts' && pathProject !== header
    return known && !mismatch ? undefined : scopeError(c, service)
  }
  if (service !== 'dataarts' || pathProject === undefined) return undefined
  const region = projects.find((p) => p.id === pathProject)?.region
  const shared = projects.filter((p) => p.region === region).length > 1
  return shared
    ? serviceError(
        c,
        service,
        400,
        'DLF.3051',
        'The request parameter is invalid. X-Project-Id is required: the account has several projects in this region.',
      )
    : undefined
}
