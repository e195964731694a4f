import type { ServiceContext } from '../http/service-context.js'
import type { CallOptions, CloudResult } from '../types.js'
import { projectListSchema, type IamProjectList } from './schemas.js'
import {
  requestProjectToken,
  tokenBodySchema,
  type IssuedToken,
  type PasswordCredentials,
  type TokenBody,
} from './token-request.js'

export interface CreateProjectTokenInput {
  domain: string
  user: string
  password: string
  /** IAM project id the token is scoped to. */
  projectId: string
}

export interface ListProjectsInput {
  name?: string
  domain_id?: string
  parent_id?: string
  enabled?: boolean
  page?: number
  per_page?: number
}

/**
 * IAM, cloud-api.md §6. `createProjectToken` is sent without the client's credentials (the password
 * is the credential); the other calls are authenticated like every service call.
 */
export function createIamClient({ core }: ServiceContext, anonymousCore: ServiceContext['core']) {
  const opt = (call?: CallOptions) => (call ? { call } : {})
  return {
    /** Password → project-scoped token (201, token from X-Subject-Token). The result holds a secret. */
    createProjectToken(
      input: CreateProjectTokenInput,
      call?: CallOptions,
    ): Promise<CloudResult<IssuedToken>> {
      const credentials: PasswordCredentials = {
        type: 'password',
        domain: input.domain,
        user: input.user,
        password: input.password,
      }
      return requestProjectToken(anonymousCore, credentials, input.projectId, call)
    },
    /** Checks `subjectToken`; IAM answers 404 when it is invalid. */
    validateToken(subjectToken: string, call?: CallOptions): Promise<CloudResult<TokenBody>> {
      return core.request({
        operation: 'validateToken',
        method: 'GET',
        path: '/v3/auth/tokens',
        query: { nocatalog: 'true' },
        headers: { 'X-Subject-Token': subjectToken },
        schema: tokenBodySchema,
        transform: (d) => d.token,
        ...opt(call),
      })
    },
    /** Projects by name (a region id such as `cn-north-4`); used to find IAM project ids. */
    listProjects(
      filter: string | ListProjectsInput = {},
      call?: CallOptions,
    ): Promise<CloudResult<IamProjectList>> {
      const query = typeof filter === 'string' ? { name: filter } : { ...filter }
      return core.request({
        operation: 'listProjects',
        method: 'GET',
        path: '/v3/projects',
        query,
        schema: projectListSchema,
        ...opt(call),
      })
    },
    listAuthProjects(call?: CallOptions): Promise<CloudResult<IamProjectList>> {
      return core.request({
        operation: 'listAuthProjects',
        method: 'GET',
        path: '/v3/auth/projects',
        schema: projectListSchema,
        ...opt(call),
      })
    },
  }
}

export type IamClient = ReturnType<typeof createIamClient>
