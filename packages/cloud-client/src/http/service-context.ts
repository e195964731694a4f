import type { ServiceName } from '../errors.js'
import type { HttpCore } from './http-core.js'
import { pathBuilder } from './request-spec.js'

/** What each service module needs: its HTTP core and the IAM project id used in paths. */
export interface ServiceContext {
  core: HttpCore
  projectId: string
}

/** `path('op')\`/v1/${a}/x\`` — a path template tag bound to a service and operation. */
export function pathFor(service: ServiceName) {
  return (operation: string) => pathBuilder(service, operation)
}
