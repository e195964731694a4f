import { Hono } from 'hono'
import type { TargetList } from '@ops-console/contracts'
import type { AppEnv } from '../lib/app-env.js'

/** `/api/targets`: the configured targets (names, regions, listable kinds); never credentials. */
export const targetsRoutes = new Hono<AppEnv>().get('/', (c) => {
  const { services, config } = c.var.deps
  const body: TargetList = { targets: services.targets ?? [], demoMode: config.demoMode }
  return c.json(body, 200)
})
