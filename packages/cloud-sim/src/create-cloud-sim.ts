import { Hono } from 'hono'
import { iamRoutes } from './auth/iam-routes.js'
import { controlRoutes } from './control/control-routes.js'
import { isConnectionReset } from './control/fault-apply.js'
import { pipeline } from './control/pipeline.js'
import type { SimEnv } from './http.js'
import { gatewayError } from './http.js'
import { codeartsRoutes } from './services/codearts.js'
import { dataartsRoutes } from './services/dataarts.js'
import { dliRoutes } from './services/dli.js'
import { modelartsRoutes } from './services/modelarts.js'
import { createState, resolveOptions } from './state.js'
import type { CloudSim, SimAkSk, SimControl, SimDefaults, SimOptions } from './types.js'
import { REGIONS } from './world/generate.js'

function temporaryOf(pairs: readonly SimAkSk[]): SimDefaults['temporaryAksk'] {
  const pair = pairs.find((p) => p.securityToken !== undefined)
  return pair?.securityToken
    ? { ak: pair.ak, sk: pair.sk, securityToken: pair.securityToken }
    : null
}

/**
 * Creates a simulated Huawei Cloud (IAM, DataArts DLF, CodeArts Build, DLI Flink, ModelArts
 * processor tasks) as one Hono app, with services under `/iam`, `/dataarts`, `/codearts`,
 * `/dli`, `/modelarts` and a control API under `/__sim`.
 */
export function createCloudSim(options: SimOptions = {}): CloudSim {
  let resolved = resolveOptions(options)
  const state = createState(resolved)

  const defaults = {} as SimDefaults
  const refreshDefaults = (): void => {
    const { world } = state
    Object.assign(defaults, {
      regions: [...REGIONS],
      projects: world.projects.map((p) => ({ id: p.id, region: p.region, name: p.name })),
      workspaceId: world.workspaceId,
      codeartsProjectIds: Object.fromEntries(
        REGIONS.map((r) => [
          r,
          world.codeartsProjects.filter((p) => p.region === r).map((p) => p.id),
        ]),
      ),
      user: { ...(resolved.users[0] as SimDefaults['user']) },
      aksk: { ak: resolved.akskPairs[0]?.ak ?? '', sk: resolved.akskPairs[0]?.sk ?? '' },
      temporaryAksk: temporaryOf(resolved.akskPairs),
    })
  }
  refreshDefaults()

  const control: SimControl = {
    reset(o) {
      resolved = resolveOptions({ ...options, ...o })
      Object.assign(state, createState(resolved))
      refreshDefaults()
    },
    now: () => state.clock.now(),
    advance: (ms) => state.clock.advance(ms),
    injectFault: (f) => state.faults.add(f),
    clearFaults: () => state.faults.clear(),
    requests: () => state.log.all(),
    clearRequests: () => state.log.clear(),
    forceStopFailure: (service, id) => {
      state.forcedFailures.add(`${service}:${id}`)
    },
  }

  const app = new Hono<SimEnv>()
  app.use('*', pipeline(state))
  app.route(
    '/__sim',
    controlRoutes(control, () => state.world),
  )
  app.route('/iam', iamRoutes(state))
  app.route('/dataarts', dataartsRoutes(state))
  app.route('/codearts', codeartsRoutes(state))
  app.route('/dli', dliRoutes(state))
  app.route('/modelarts', modelartsRoutes(state))
  app.notFound((c) =>
    gatewayError(
      c,
      404,
      'APIGW.0101',
      'The API does not exist or has not been published in the environment',
    ),
  )
  app.onError((err, c) => {
    // A simulated connection reset must reach the caller as a rejected fetch, not as a 500.
    if (isConnectionReset(err)) throw err
    console.error('[cloud-sim] unhandled error', err)
    return gatewayError(c, 500, 'APIGW.0103', 'The backend service is unavailable')
  })

  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url =
      typeof input === 'string' && input.startsWith('/') ? `http://127.0.0.1:4010${input}` : input
    const request = new Request(url, init)
    const signal = request.signal
    if (signal.aborted) return Promise.reject(signal.reason as Error)
    // Like real fetch: an abort rejects the call even while the handler is still running (hang, latency).
    return new Promise<Response>((resolve, reject) => {
      const onAbort = (): void => reject(signal.reason as Error)
      signal.addEventListener('abort', onAbort, { once: true })
      Promise.resolve(app.fetch(request))
        .then(resolve, reject)
        .finally(() => signal.removeEventListener('abort', onAbort))
    })
  }

  return { app: app as unknown as Hono, fetch, defaults, control }
}
