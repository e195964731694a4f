import type { CloudClient } from '../client.js'
import { isCloudError, type ServiceName } from '../errors.js'
import { classify, lockoutRisk, type ServiceCheck } from './classify.js'

export type { ServiceCheck, CheckOutcome } from './classify.js'

export interface ConnectionCheckOptions {
  /** CodeArts project ids of the target; without one, CodeArts is reported `not-configured`. */
  codeartsProjectIds?: readonly string[]
  /** Deadline per call (default 10 s). */
  timeoutMs?: number
}

const ORDER: readonly ServiceName[] = ['iam', 'dataarts', 'codearts', 'dli', 'modelarts']

/**
 * One read-only call per service (docs/decisions/007b-regions-credentials-check.md): IAM proves the
 * credentials (AK/SK: list the projects they can use; password: obtain the project token), then
 * each service lists one item. Nothing is changed upstream and nothing secret is returned.
 *
 * Calls run one after another and stop at the first authentication failure: every further call
 * with a wrong AK/SK would be another bad signature, and the gateway locks an AK for 5 minutes
 * after 5 of them (cloud-api.md §1.3); a wrong password would count towards IAM's lock as well.
 */
export async function checkConnection(
  client: CloudClient,
  options: ConnectionCheckOptions = {},
): Promise<ServiceCheck[]> {
  const timeoutMs = options.timeoutMs ?? 10_000
  const probes = probesFor(client, options.codeartsProjectIds ?? [])
  const results: ServiceCheck[] = []
  let stopped: string | null = null
  for (const service of ORDER) {
    const endpoint = client.endpoints[service]
    const probe = probes[service]
    const base = { service, endpoint, operation: probe?.operation ?? null }
    if (endpoint === null || probe === null) {
      results.push(
        notTried(
          base,
          'not-configured',
          endpoint === null ? 'no endpoint for this region' : 'no CodeArts project id configured',
        ),
      )
      continue
    }
    if (stopped !== null) {
      results.push(notTried(base, 'skipped', stopped))
      continue
    }
    const started = performance.now()
    try {
      const res = await probe.run({ signal: AbortSignal.timeout(timeoutMs) })
      results.push({
        ...base,
        outcome: 'ok',
        reachable: true,
        authenticated: true,
        allowed: true,
        latencyMs: res.durationMs,
        status: res.status,
        code: null,
        requestId: res.requestId,
        message: probe.note?.(res.data) ?? null,
      })
    } catch (error) {
      if (!isCloudError(error)) throw error
      const check = classify(base, error, Math.round(performance.now() - started))
      results.push(check)
      if (check.outcome === 'unauthenticated') stopped = lockoutRisk(client)
    }
  }
  return results
}

type Call = { signal: AbortSignal }
interface Probe {
  operation: string
  run: (
    call: Call,
  ) => Promise<{ durationMs: number; status: number; requestId: string | null; data: unknown }>
  /** A remark on a successful answer (e.g. the project is not among the visible ones). */
  note?: (data: unknown) => string | null
}

function probesFor(
  client: CloudClient,
  codeartsProjectIds: readonly string[],
): Record<ServiceName, Probe | null> {
  const provider = client.tokenProvider
  const first = codeartsProjectIds[0]
  return {
    iam: provider
      ? {
          operation: 'createProjectToken',
          run: async () => {
            const started = performance.now()
            await provider.getToken()
            return {
              durationMs: Math.round(performance.now() - started),
              status: 201,
              requestId: null,
              data: null,
            }
          },
        }
      : {
          operation: 'listAuthProjects',
          run: (call) => client.iam.listAuthProjects(call),
          note: (data) =>
            (data as { projects: { id: string }[] }).projects.some((p) => p.id === client.projectId)
              ? null
              : `project ${client.projectId} is not among the projects these credentials can use`,
        },
    dataarts: {
      operation: 'listJobs',
      run: (call) => client.dataarts.listJobs({ jobType: 'BATCH', limit: 1 }, call),
    },
    codearts: first
      ? {
          operation: 'listProjectJobs',
          run: (call) => client.codearts.listProjectJobs(first, { pageSize: 1 }, call),
        }
      : null,
    dli: { operation: 'listJobs', run: (call) => client.dli.listJobs({ limit: 1 }, call) },
    modelarts: {
      operation: 'listTasks',
      run: (call) => client.modelarts.listTasks({ limit: 1 }, call),
    },
  }
}

function notTried(
  base: Pick<ServiceCheck, 'service' | 'endpoint' | 'operation'>,
  outcome: 'skipped' | 'not-configured',
  message: string,
): ServiceCheck {
  return {
    ...base,
    outcome,
    reachable: null,
    authenticated: null,
    allowed: null,
    latencyMs: null,
    status: null,
    code: null,
    requestId: null,
    message,
  }
}
