import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import type { AppEnv } from './app-env.js'

/**
 * Serves the built SPA: files from `dir`, and index.html for every other GET outside /api so
 * client-side routes survive a reload. Returns null when the directory does not exist.
 */
export function spaRoutes(dir: string): Hono<AppEnv> | null {
  const index = join(dir, 'index.html')
  if (!existsSync(index)) return null
  const html = readFileSync(index, 'utf8')
  const root = relative(process.cwd(), dir) || '.'
  return new Hono<AppEnv>().use('*', serveStatic({ root })).get('*', (c) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/'))
      return c.json(
        { error: { code: 'NOT_FOUND', message: 'not found', requestId: c.var.requestId } },
        404,
      )
    c.header('Cache-Control', 'no-cache')
    return c.html(html, 200)
  })
}
