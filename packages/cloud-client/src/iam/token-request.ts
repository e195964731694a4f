import { z } from 'zod'
import { optArray, optText } from '../parse/fields.js'
import type { HttpCore } from '../http/http-core.js'
import { CloudError } from '../errors.js'
import type { CallOptions, CloudResult } from '../types.js'

export interface PasswordCredentials {
  type: 'password'
  /** Account (domain) name. */
  domain: string
  /** IAM user name. */
  user: string
  password: string
}

const refSchema = z.looseObject({ id: optText, name: optText }).nullish().catch(null)

/**
 * Token body (cloud-api.md §6.1); the token itself is only in the X-Subject-Token header.
 * `expires_at` is strict: the cache's refresh time depends on it.
 */
export const tokenBodySchema = z.looseObject({
  token: z.looseObject({
    expires_at: z.string(),
    issued_at: optText,
    methods: optArray,
    project: z
      .looseObject({ id: z.string(), name: optText, domain: refSchema })
      .nullish()
      .catch(null),
    domain: refSchema,
    user: z.looseObject({ id: optText, name: optText, domain: refSchema }).nullish().catch(null),
    roles: optArray,
    catalog: optArray,
  }),
})

export type TokenBody = z.output<typeof tokenBodySchema>['token']

export interface IssuedToken {
  /** The X-Subject-Token value. Treat as a secret. */
  token: string
  expiresAt: string
  issuedAt: string | null
  projectId: string | null
  body: TokenBody
}

/** `POST /v3/auth/tokens?nocatalog=true` with password identity and project scope (201 + X-Subject-Token). */
export function requestProjectToken(
  core: HttpCore,
  credentials: PasswordCredentials,
  projectId: string,
  call?: CallOptions,
): Promise<CloudResult<IssuedToken>> {
  const user = {
    name: credentials.user,
    password: credentials.password,
    domain: { name: credentials.domain },
  }
  return core.request({
    operation: 'createProjectToken',
    method: 'POST',
    path: '/v3/auth/tokens',
    query: { nocatalog: 'true' },
    headers: { 'content-type': 'application/json;charset=utf8' },
    body: {
      auth: {
        identity: { methods: ['password'], password: { user } },
        scope: { project: { id: projectId } },
      },
    },
    schema: tokenBodySchema,
    transform: (data, headers) => {
      const token = headers.get('x-subject-token')
      if (!token) {
        throw new CloudError({
          service: 'iam',
          operation: 'createProjectToken',
          kind: 'parse',
          message: 'IAM answered without an X-Subject-Token header',
        })
      }
      return {
        token,
        expiresAt: data.token.expires_at,
        issuedAt: data.token.issued_at ?? null,
        projectId: data.token.project?.id ?? null,
        body: data.token,
      }
    },
    ...(call ? { call } : {}),
  })
}
