import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppDeps, AppEnv } from './lib/app-env.js'
import { AppError, onError, sendError } from './lib/errors.js'
import { requestContext } from './lib/request-context.js'
import { securityHeaders } from './lib/security-headers.js'
import { pathGuard } from './lib/path-guard.js'
import { csrf } from './lib/csrf.js'
import { buildOpenApi } from './lib/openapi.js'
import { spaRoutes } from './lib/static-spa.js'
import { authorize } from './auth/authorize.js'
import { authRoutes } from './routes/auth.js'
import { auditRoutes } from './routes/audit.js'
import { healthRoutes } from './routes/health.js'
import { workloadsRoutes } from './routes/workloads.js'
import { scriptsRoutes } from './routes/scripts.js'
import { targetsRoutes } from './routes/targets.js'
import { cloudCheckRoutes } from './routes/cloud-check.js'

export const BODY_LIMIT_BYTES = 64 * 1024

function buildApi(deps: AppDeps) {
  const openapi = buildOpenApi()
  return new Hono<AppEnv>()
    .use(requestContext(deps))
    .use(securityHeaders)
    .use(pathGuard)
    .use(
      bodyLimit({
        maxSize: BODY_LIMIT_BYTES,
        onError: () => {
          throw new AppError('PAYLOAD_TOO_LARGE', `request body exceeds ${BODY_LIMIT_BYTES} bytes`)
        },
      }),
    )
    .use(csrf(deps.config.publicOrigin))
    .use(authorize)
    .route('/', healthRoutes)
    .route('/api/auth', authRoutes)
    .route('/api/audit', auditRoutes)
    .route('/api/workloads', workloadsRoutes)
    .route('/api/scripts', scriptsRoutes)
    .route('/api/targets', targetsRoutes)
    .route('/api/cloud-check', cloudCheckRoutes)
    .get('/api/openapi.json', (c) => c.json(openapi, 200))
}

/** The whole BFF as a Hono app: middleware, the platform routes and the workloads routes. */
export function createApp(deps: AppDeps) {
  const app = buildApi(deps)
  app.onError(onError)
  app.notFound((c) => sendError(c, 'NOT_FOUND', 'not found'))
  if (deps.config.webDistDir) {
    const spa = spaRoutes(deps.config.webDistDir)
    if (spa) app.route('/', spa)
  }
  return app
}

export type AppType = ReturnType<typeof buildApi>
