#!/usr/bin/env node
// `npm run deps:check`: which direct dependencies are a major (or, for 0.x, a minor) behind the
// newest release. Run on the supported runtime: npm hides releases whose engines exclude the
// running Node, so a check on an older Node reports "up to date" for packages that moved on.
// Exit 1 when anything is behind that is not a documented hold.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Majors we stay behind on purpose, and why. Keep docs/security.md in step. */
const HOLDS = {
  typescript: 'typescript-eslint supports TypeScript < 6.1 only (peerDependencies)',
  '@types/node': 'matches the engines floor (Node 22): newer majors type APIs the floor lacks',
}

const floor = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines
  .node
const [major, minor, patch] = process.versions.node.split('.').map(Number)
const at = (a, b, c) => major > a || (major === a && (minor > b || (minor === b && patch >= c)))
// engines: ^22.22.2 || >=24.15.0 (undici 8 needs 22.19, jsdom 31 and its parts 22.22.2 / 24.15).
if (!(major === 22 ? at(22, 22, 2) : at(24, 15, 0))) {
  console.error(
    `deps:check needs the supported runtime (${floor}); this is Node ${process.versions.node}.`,
  )
  process.exit(1)
}

function npmOutdated(...args) {
  try {
    return JSON.parse(
      execFileSync('npm', ['outdated', '--json', ...args], { encoding: 'utf8' }) || '{}',
    )
  } catch (e) {
    // npm outdated exits 1 when anything is outdated; its JSON is still on stdout.
    return JSON.parse(e.stdout || '{}')
  }
}
// The root and the workspaces separately: `--include-workspace-root` drops the root's entries.
const merged = [npmOutdated(), npmOutdated('--workspaces')]
const outdated = {}
for (const part of merged) {
  for (const [name, info] of Object.entries(part))
    outdated[name] = [...(outdated[name] ?? []), ...(Array.isArray(info) ? info : [info])]
}
/** The part of a version that npm's caret ranges treat as the major: "4" for 4.x, "0.29" for 0.x. */
const line = (v) => {
  const [a, b] = v.split('.')
  return a === '0' ? `0.${b}` : a
}
const behind = []
const patches = []
for (const [name, info] of Object.entries(outdated)) {
  for (const entry of info) {
    if (!entry.current) continue
    const where = entry.dependent ?? entry.location ?? ''
    if (line(entry.current) !== line(entry.latest))
      behind.push({ name, current: entry.current, latest: entry.latest, where })
    else patches.push(`${name} ${entry.current} → ${entry.latest} (${where})`)
  }
}
console.log(`Node ${process.versions.node}; engines ${floor}`)
if (patches.length > 0)
  console.log(`within range, newer available (npm update): ${[...new Set(patches)].join('; ')}`)
const unexpected = []
for (const b of behind) {
  const hold = HOLDS[b.name]
  console.log(
    `${hold ? 'held  ' : 'BEHIND'} ${b.name} ${b.current} → ${b.latest} (${b.where})${hold ? `: ${hold}` : ''}`,
  )
  if (!hold) unexpected.push(b)
}
console.log(
  unexpected.length === 0
    ? 'no major behind except documented holds'
    : `${unexpected.length} major(s) behind`,
)
process.exit(unexpected.length === 0 ? 0 : 1)
