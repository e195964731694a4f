import { CloudError } from '../errors.js'
import { isRouteGone } from '../http/error-envelope.js'
import type { HttpCore } from '../http/http-core.js'
import { pathBuilder } from '../http/request-spec.js'
import type { CallOptions, CloudResult } from '../types.js'
import { stopLegacySchema, stopV1Schema, stopV3Schema } from './schemas.js'

export type CodeArtsStopRoute = 'v1' | 'v3' | 'legacy'

export interface StopBuildResult {
  /** Which of the three documented stop APIs answered. */
  route: CodeArtsStopRoute
  /** Whether the service reports the stop as accepted. */
  accepted: boolean
  /** The route's own body: v1 `{status}`, v3 `{success,result}`, legacy `{result}`. */
  raw: Record<string, unknown>
}

const p = pathBuilder('codearts', 'stopBuild')

function send(
  core: HttpCore,
  route: CodeArtsStopRoute,
  jobId: string,
  buildNo: number,
  call?: CallOptions,
): Promise<CloudResult<StopBuildResult>> {
  const common = { operation: 'stopBuild', method: 'POST' as const, ...(call ? { call } : {}) }
  switch (route) {
    case 'v1':
      // Documented body `{"build_no": <int>}` (the Go SDK sends it as a query parameter instead).
      // Success value of `status` is unconfirmed: any 200 counts unless it says it failed.
      return core.request({
        ...common,
        path: p`/v1/job/${jobId}/stop`,
        body: { build_no: buildNo },
        schema: stopV1Schema,
        transform: (raw) => ({
          route,
          accepted: !/^(fail|failed|failure|error|false)$/i.test(raw.status ?? ''),
          raw,
        }),
      })
    case 'v3':
      return core.request({
        ...common,
        path: p`/v3/jobs/${jobId}/${buildNo}/stop`,
        schema: stopV3Schema,
        transform: (raw) => ({ route, accepted: raw.success, raw }),
      })
    case 'legacy':
      return core.request({
        ...common,
        path: '/v3/jobs/stop',
        body: { job_id: jobId, build_no: String(buildNo) },
        schema: stopLegacySchema,
        transform: (raw) => ({ route, accepted: raw.result, raw }),
      })
  }
}

const ORDER: readonly CodeArtsStopRoute[] = ['v1', 'v3', 'legacy']

/**
 * Stops a build. 'auto' tries the current v1 API, then the outdated v3 and legacy ones, moving on
 * ONLY when the gateway says the route itself does not exist (404 APIGW.0101 / "API does not
 * exist") — any other error might mean the stop ran, so it is thrown. Routes found gone are
 * remembered for the client's lifetime.
 */
export function createBuildStopper(core: HttpCore, mode: 'auto' | CodeArtsStopRoute) {
  const gone = new Set<CodeArtsStopRoute>()
  return async function stopBuild(
    jobId: string,
    buildNo: number,
    call?: CallOptions,
  ): Promise<CloudResult<StopBuildResult>> {
    if (mode !== 'auto') return send(core, mode, jobId, buildNo, call)
    const candidates = ORDER.filter((route) => !gone.has(route))
    let last: CloudError | undefined
    for (const route of candidates.length ? candidates : ORDER) {
      try {
        return await send(core, route, jobId, buildNo, call)
      } catch (error) {
        if (!(error instanceof CloudError) || !isRouteGone(error.status, error.code, error.message))
          throw error
        gone.add(route)
        last = error
      }
    }
    throw (
      last ??
      new CloudError({
        service: 'codearts',
        operation: 'stopBuild',
        kind: 'config',
        message: 'No stop route available',
      })
    )
  }
}
