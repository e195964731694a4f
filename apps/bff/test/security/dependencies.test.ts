import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
/** Workspaces whose dependencies ship (the bench and the TypeScript preset do not). */
const WORKSPACES = [
  'apps/bff',
  'apps/web',
  'packages/cloud-client',
  'packages/cloud-sim',
  'packages/contracts',
  'packages/lossless-json',
]

interface Manifest {
  version: string
  dependencies?: Record<string, string>
}
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest

/** The installed version of `name` as the workspace resolves it (its own node_modules first, then the root). */
function installed(workspace: string, name: string): string {
  for (const dir of [
    join(ROOT, workspace, 'node_modules', name),
    join(ROOT, 'node_modules', name),
  ]) {
    if (existsSync(join(dir, 'package.json'))) return read(join(dir, 'package.json')).version
  }
  throw new Error(`${name} (needed by ${workspace}) is not installed`)
}

/** What a caret range holds still: "4.x" for ^4.13.1, "0.29.x" for ^0.29.9 (npm treats 0.x minors as majors). */
function releaseLine(version: string): string {
  const [major, minor] = version.replace(/^[\^~]/, '').split('.')
  return major === '0' ? `0.${minor}.x` : `${major}.x`
}

// Majors only, so a patch or minor update never needs a docs change; `npm run deps:check` says
// whether a line is behind the registry.
test('every third-party runtime dependency is installed on its declared release line, and docs/security.md lists exactly those lines', () => {
  const doc = readFileSync(join(ROOT, 'docs/security.md'), 'utf8')
  const table = doc.slice(doc.indexOf('## Runtime dependencies'))
  const listed = new Map(
    [...table.matchAll(/^\|\s*`([^`]+)`\s*\|\s*([\d.x]+)\s*\|/gm)].map((m) => [
      m[1] as string,
      m[2] as string,
    ]),
  )
  const deps = new Map<string, string>()
  const problems: string[] = []
  for (const ws of WORKSPACES) {
    for (const [name, range] of Object.entries(
      read(join(ROOT, ws, 'package.json')).dependencies ?? {},
    )) {
      if (name.startsWith('@ops-console/')) continue
      const line = releaseLine(range)
      if (releaseLine(installed(ws, name)) !== line)
        problems.push(
          `${name}: installed ${installed(ws, name)} is not on ${line} (${ws} declares ${range})`,
        )
      deps.set(name, line)
    }
  }
  for (const [name, line] of deps) {
    if (listed.get(name) !== line)
      problems.push(`${name} ${line} is not listed as such in docs/security.md`)
  }
  for (const name of listed.keys())
    if (!deps.has(name))
      problems.push(`${name} is listed in docs/security.md but no shipped workspace depends on it`)
  console.log(
    `dependency hygiene: ${deps.size} runtime dependencies, ${problems.length} problems (release lines; \`npm run deps:check\` compares them with the registry)`,
  )
  expect(problems).toEqual([])
})
