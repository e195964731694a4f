import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { Hono, type Handler, type MiddlewareHandler } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import type { AppEnv } from './app-env.js'
import { sendError } from './errors.js'

/**
 * Anything that starts like the API (`/api;x=1/targets`, `/API.json`, `/apis`, …) is answered by
 * the API's JSON 404, never by the SPA shell: a 200 HTML page on an API-looking path confuses
 * scanners, caches and clients alike.
 */
export const isApiLike = (path: string): boolean => path.toLowerCase().startsWith('/api')
/** Source maps are never served, even when a build left them in the directory. */
const SOURCE_MAP = /\.map$/i
/** Client-side routes have no dots (kinds and ids never do): a dot means a file (`/favicon.ico`, `/.git/config`). */
const FILE_NAME = /\./
/** Vite's content-hashed bundles: safe to cache for good. */
const HASHED_ASSET = /^\/assets\//

/**
 * Serves the built SPA: files from `dir`, and index.html for other GETs that look like client
 * routes, so they survive a reload. Returns null when the directory does not exist.
 */
export function spaRoutes(dir: string): Hono<AppEnv> | null {
  const index = join(dir, 'index.html')
  if (!existsSync(index)) return null
  const html = readFileSync(index, 'utf8')
  const root = relative(process.cwd(), dir) || '.'
  // Before the file lookup, so an existing .map file is refused too.
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (isApiLike(c.req.path) || SOURCE_MAP.test(c.req.path))
      return sendError(c, 'NOT_FOUND', 'not found')
    await next()
    // A file from the directory (the shell sets its own header below).
    if (c.res.ok && !c.res.headers.has('Cache-Control')) {
      const hashed = HASHED_ASSET.test(c.req.path)
      c.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    }
  }
  const shell: Handler<AppEnv> = (c) => {
    if (FILE_NAME.test(c.req.path)) return sendError(c, 'NOT_FOUND', 'not found')
    c.header('Cache-Control', 'no-cache')
    return c.html(html, 200)
  }
  return new Hono<AppEnv>().use('*', guard).use('*', serveStatic({ root })).get('*', shell)
}
