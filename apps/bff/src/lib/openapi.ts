import { z } from 'zod'
import * as C from '@ops-console/contracts'
import { POLICY } from '../auth/policy.js'

interface RouteDoc {
  method: 'get' | 'post'
  path: string
  summary: string
  query?: z.ZodObject
  body?: z.ZodType
  response: z.ZodType
}

const Ok = z.object({ ok: z.literal(true) })
const AuditPage = z.object({ items: z.array(C.AuditEntry), nextCursor: z.string().nullable() })
const Overview = z.object({
  counts: z.array(
    z.object({ kind: C.WorkloadKind, state: C.WorkloadState, count: z.number().int() }),
  ),
  sources: z.array(C.SourceStatus),
})
const Target = z.object({ name: z.string(), region: z.string() })

/** Routes of the docs/architecture.md table with the contract schemas they take and return. */
const ROUTES: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with a local account',
    body: C.LoginBody,
    response: C.MeResponse,
  },
  { method: 'post', path: '/api/auth/logout', summary: 'Sign out', response: Ok },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: 'Current user and login options',
    response: C.MeResponse,
  },
  {
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change the own password',
    body: C.ChangePasswordBody,
    response: C.MeResponse,
  },
  {
    method: 'get',
    path: '/api/auth/oidc/login',
    summary:
      'Start single sign-on (302 to the identity provider, or to /login?error=sso_unavailable)',
    response: z.unknown(),
  },
  {
    method: 'get',
    path: '/api/auth/oidc/callback',
    summary: 'Single sign-on callback (302 to /, or to /login?error=<SignInError> on failure)',
    response: z.unknown(),
  },
  {
    method: 'get',
    path: '/api/targets',
    summary: 'Configured targets',
    response: z.object({ targets: z.array(Target) }),
  },
  {
    method: 'get',
    path: '/api/workloads/overview',
    summary: 'Counts per kind and state',
    response: Overview,
  },
  {
    method: 'get',
    path: '/api/workloads/stream',
    summary: 'Live workload changes (text/event-stream: ready, workloads, source, heartbeat)',
    query: C.WorkloadStreamQuery,
    response: C.WorkloadChanges,
  },
  {
    method: 'get',
    path: '/api/workloads',
    summary: 'All workloads',
    query: C.ListQuery,
    response: C.WorkloadList,
  },
  {
    method: 'get',
    path: '/api/workloads/{kind}',
    summary: 'Workloads of one kind',
    query: C.ListQuery,
    response: C.WorkloadList,
  },
  {
    method: 'get',
    path: '/api/workloads/{kind}/{target}/{id}',
    summary: 'One workload',
    response: z.object({ workload: C.Workload, raw: z.unknown() }),
  },
  {
    method: 'post',
    path: '/api/workloads/{kind}/{target}/{id}/stop',
    summary: 'Stop a workload',
    body: C.StopBody,
    response: C.ActionResult,
  },
  {
    method: 'post',
    path: '/api/workloads/{kind}/{target}/{id}/delete',
    summary: 'Delete a workload',
    body: C.DeleteBody,
    response: C.ActionResult,
  },
  {
    method: 'post',
    path: '/api/workloads/bulk/stop',
    summary: 'Stop several workloads',
    body: C.BulkStopBody,
    response: z.object({ results: z.array(C.ActionResult) }),
  },
  {
    method: 'post',
    path: '/api/workloads/bulk/delete',
    summary: 'Delete several workloads',
    body: C.BulkDeleteBody,
    response: z.object({ results: z.array(C.ActionResult) }),
  },
  {
    method: 'get',
    path: '/api/scripts',
    summary: 'DataArts scripts per target (execute picker)',
    query: C.ScriptListQuery,
    response: C.ScriptList,
  },
  {
    method: 'get',
    path: '/api/scripts/instances',
    summary: 'Tracked script instances',
    response: C.WorkloadList,
  },
  {
    method: 'post',
    path: '/api/scripts/{target}/{scriptName}/execute',
    summary: 'Execute a DataArts script',
    body: C.ExecuteScriptBody,
    response: C.ActionResult,
  },
  {
    method: 'post',
    path: '/api/scripts/instances',
    summary: 'Track a script instance',
    body: C.RegisterScriptInstanceBody,
    response: C.ActionResult,
  },
  {
    method: 'get',
    path: '/api/audit',
    summary: 'Audit entries, newest first',
    query: C.AuditQuery,
    response: AuditPage,
  },
  {
    method: 'get',
    path: '/api/audit/export',
    summary: 'Audit export (csv or json)',
    query: C.AuditQuery.omit({ cursor: true, limit: true }).extend({
      format: z.enum(['csv', 'json']),
    }),
    response: z.array(C.AuditEntry),
  },
  {
    method: 'get',
    path: '/api/cloud-check',
    summary: 'Connection check: one read-only call per target and service (admin)',
    response: C.CloudCheckReport,
  },
]

const json = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' })

function accessOf(path: string, method: string): string {
  const pattern = path.replace(/\{(\w+)\}/g, ':$1')
  return (
    POLICY.find((r) => r.pattern === pattern && r.method === method.toUpperCase())?.access ??
    'denied'
  )
}

/** OpenAPI 3.1 document generated from the contracts' zod schemas. */
export function buildOpenApi(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const r of ROUTES) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }))
    const queryParams = r.query
      ? Object.entries(r.query.shape).map(([name, s]) => ({
          name,
          in: 'query',
          required: !(s as z.ZodType).safeParse(undefined).success,
          schema: json(s as z.ZodType, 'input'),
        }))
      : []
    paths[r.path] ??= {}
    paths[r.path]![r.method] = {
      summary: r.summary,
      'x-required-role': accessOf(r.path, r.method),
      parameters: [...params, ...queryParams],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: json(r.body, 'input') } },
            },
          }
        : {}),
      responses: {
        '200': {
          description: 'OK',
          content: { 'application/json': { schema: json(r.response, 'output') } },
        },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: json(C.ErrorEnvelope, 'output') } },
        },
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'ops-console BFF', version: '0.0.0' },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-ops_session' } },
    },
    security: [{ session: [] }],
    paths,
  }
}
