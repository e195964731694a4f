import { execFileSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

export const WEB_DIR = fileURLToPath(new URL('../../../../apps/web', import.meta.url))

/** `vite build` of apps/web into `outDir` (not apps/web/dist, which other tools own). */
export function buildSpa(outDir: string): void {
  execFileSync(
    process.execPath,
    [
      join(WEB_DIR, '../../node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: WEB_DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
}

export interface AssetSize {
  file: string
  bytes: number
  gzip: number
}

function sizeOf(dir: string, file: string): AssetSize {
  const data = readFileSync(join(dir, file))
  return { file, bytes: statSync(join(dir, file)).size, gzip: gzipSync(data).length }
}

/**
 * What the browser must load before the first render: the entry module, every chunk index.html
 * preloads (Vite emits static imports as modulepreload links) and the stylesheets. Lazy chunks
 * are not counted. gzip at zlib's default level.
 */
export function initialAssets(dir: string): { js: AssetSize[]; css: AssetSize[] } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const refs = (re: RegExp) => [...html.matchAll(re)].map((m) => (m[1] ?? '').replace(/^\//, ''))
  const js = [
    ...refs(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ]
  const css = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)
  return { js: [...new Set(js)].map((f) => sizeOf(dir, f)), css: css.map((f) => sizeOf(dir, f)) }
}

/** gzip sizes of files of the build (e.g. the scripts a page really loaded). */
export function gzipSizes(dir: string, files: readonly string[]): AssetSize[] {
  return [...new Set(files)].map((f) => sizeOf(dir, f))
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`
