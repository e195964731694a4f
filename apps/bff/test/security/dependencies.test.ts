import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
const WORKSPACES = ['apps/bff', 'apps/web', 'packages/cloud-client', 'packages/cloud-sim', 'packages/contracts']

interface Manifest {
  version: string
  dependencies?: Record<string, string>
}
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest

/** The installed version of `name` as the workspace resolves it (its own node_modules first, then the root). */
function installed(workspace: string, name: string): string {
  for (const dir of [join(ROOT, workspace, 'node_modules', name), join(ROOT, 'node_modules', name)]) {
    if (existsSync(join(dir, 'package.json'))) return read(join(dir, 'package.json')).version
  }
  throw new Error(`${name} (needed by ${workspace}) is not installed`)
}

test('every third-party runtime dependency is installed at the declared major and listed with its version in docs/security.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/security.md'), 'utf8')
  const deps = new Map<string, { range: string; version: string; users: string[] }>()
  for (const ws of WORKSPACES) {
    for (const [name, range] of Object.entries(read(join(ROOT, ws, 'package.json')).dependencies ?? {})) {
      if (name.startsWith('@ops-console/')) continue
      const entry = deps.get(name) ?? { range, version: installed(ws, name), users: [] }
      entry.users.push(ws)
      deps.set(name, entry)
    }
  }
  const problems: string[] = []
  for (const [name, d] of deps) {
    const major = /^\^?(\d+)\./.exec(d.range)?.[1]
    if (major === undefined || !d.version.startsWith(`${major}.`)) problems.push(`${name}: installed ${d.version} outside ${d.range}`)
    if (!doc.includes(`| \`${name}\` | ${d.version} |`)) problems.push(`${name} ${d.version} is not listed in docs/security.md`)
  }
  console.log(`dependency hygiene: ${deps.size} runtime dependencies, ${problems.length} problems (majors checked against the registry with \`npm outdated\`, see docs/security.md)`)
  expect(problems).toEqual([])
})
