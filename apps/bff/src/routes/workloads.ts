import { Hono, type Context } from 'hono'
import { z } from 'zod'
import {
  BulkDeleteBody,
  BulkStopBody,
  DeleteBody,
  ListQuery,
  StopBody,
  WorkloadKind,
  WorkloadRefParams,
  WorkloadStreamQuery,
  type SessionUser,
} from '@ops-console/contracts'
import type { AppEnv } from '../lib/app-env.js'
import { AppError } from '../lib/errors.js'
import { validate } from '../lib/validate.js'
import type { RequestMeta, WorkloadService } from '../workloads/service.js'
import { workloadStream } from './workload-stream.js'

const KindParam = z.object({ kind: WorkloadKind })

/** The workload service, or NOT_READY when the app was built without the workloads half. */
export function workloadService(c: Context<AppEnv>): WorkloadService {
  const svc = c.var.deps.services.workloads
  if (!svc) throw new AppError('NOT_READY', 'workload services are not configured')
  return svc
}

/** The signed-in user; the global role middleware has already enforced the route's role. */
export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.var.user
  if (!user) throw new AppError('UNAUTHENTICATED', 'sign in first')
  return user
}

export function requestMeta(c: Context<AppEnv>): RequestMeta {
  return {
    requestId: c.var.requestId,
    sourceIp: c.var.clientIp,
    userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
  }
}

/**
 * `/api/workloads`. Static paths (`overview`, `stream`, `bulk/*`) are registered before the `:kind`
 * patterns so they are never read as a kind.
 */
export const workloadsRoutes = new Hono<AppEnv>()
  .get('/overview', async (c) => c.json(await workloadService(c).overview(currentUser(c)), 200))
  .get('/stream', validate('query', WorkloadStreamQuery), (c) =>
    workloadStream(c, c.req.valid('query')),
  )
  .get('/', validate('query', ListQuery), async (c) =>
    c.json(await workloadService(c).list(currentUser(c), 'all', c.req.valid('query')), 200),
  )
  .post('/bulk/stop', validate('json', BulkStopBody), async (c) => {
    const body = c.req.valid('json')
    const results = await workloadService(c).bulkStop(
      currentUser(c),
      body.items.map((ref) => ({ ref })),
      {
        reason: body.reason,
        ...(body.triggerSavepoint === undefined ? {} : { triggerSavepoint: body.triggerSavepoint }),
      },
      requestMeta(c),
    )
    return c.json({ results }, 200)
  })
  .post('/bulk/delete', validate('json', BulkDeleteBody), async (c) => {
    const body = c.req.valid('json')
    const items = body.items.map(({ confirmName, ...ref }) => ({ ref, confirmName }))
    const results = await workloadService(c).bulkDelete(
      currentUser(c),
      items,
      { reason: body.reason },
      requestMeta(c),
    )
    return c.json({ results }, 200)
  })
  .get('/:kind', validate('param', KindParam), validate('query', ListQuery), async (c) =>
    c.json(
      await workloadService(c).list(
        currentUser(c),
        c.req.valid('param').kind,
        c.req.valid('query'),
      ),
      200,
    ),
  )
  .get('/:kind/:target/:id', validate('param', WorkloadRefParams), async (c) =>
    c.json(await workloadService(c).detail(currentUser(c), c.req.valid('param')), 200),
  )
  .post(
    '/:kind/:target/:id/stop',
    validate('param', WorkloadRefParams),
    validate('json', StopBody),
    async (c) =>
      c.json(
        await workloadService(c).stop(
          currentUser(c),
          c.req.valid('param'),
          c.req.valid('json'),
          requestMeta(c),
        ),
        200,
      ),
  )
  .post(
    '/:kind/:target/:id/delete',
    validate('param', WorkloadRefParams),
    validate('json', DeleteBody),
    async (c) =>
      c.json(
        await workloadService(c).delete(
          currentUser(c),
          c.req.valid('param'),
          c.req.valid('json'),
          requestMeta(c),
        ),
        200,
      ),
  )
