import { Hono, type Context } from 'hono'
import { z } from 'zod'
import {
  ExecuteScriptBody,
  RegisterScriptInstanceBody,
  SCRIPT_NAME_PATTERN,
  ScriptListQuery,
  TargetParam,
} from '@ops-console/contracts'
import type { AppEnv } from '../lib/app-env.js'
import { AppError } from '../lib/errors.js'
import { validate } from '../lib/validate.js'
import type { ScriptCatalog } from '../workloads/scripts/script-catalog.js'
import type { ScriptService } from '../workloads/scripts/script-service.js'
import { currentUser, requestMeta } from './workloads.js'

const ExecuteParam = z.object({
  target: TargetParam,
  scriptName: z.string().regex(SCRIPT_NAME_PATTERN, 'invalid script name'),
})

function scriptService(c: Context<AppEnv>): ScriptService {
  const svc = c.var.deps.services.scripts
  if (!svc) throw new AppError('NOT_READY', 'script services are not configured')
  return svc
}

function scriptCatalog(c: Context<AppEnv>): ScriptCatalog {
  const catalog = c.var.deps.services.scriptCatalog
  if (!catalog) throw new AppError('NOT_READY', 'script services are not configured')
  return catalog
}

/**
 * `/api/scripts`: the DataArts scripts per target (the execute picker) and the script instances
 * the BFF tracks (the cloud cannot list those).
 */
export const scriptsRoutes = new Hono<AppEnv>()
  .get('/', validate('query', ScriptListQuery), async (c) =>
    c.json(await scriptCatalog(c)(c.req.valid('query')), 200),
  )
  .get('/instances', async (c) => c.json(await scriptService(c).list(), 200))
  .post('/instances', validate('json', RegisterScriptInstanceBody), async (c) =>
    c.json(
      await scriptService(c).register(currentUser(c), c.req.valid('json'), requestMeta(c)),
      200,
    ),
  )
  .post(
    '/:target/:scriptName/execute',
    validate('param', ExecuteParam),
    validate('json', ExecuteScriptBody),
    async (c) => {
      const { target, scriptName } = c.req.valid('param')
      return c.json(
        await scriptService(c).execute(
          currentUser(c),
          target,
          scriptName,
          c.req.valid('json'),
          requestMeta(c),
        ),
        200,
      )
    },
  )
