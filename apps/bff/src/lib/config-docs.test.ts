import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { KNOWN_SETTINGS } from './config.js'

test('apps/bff/README.md documents every setting exactly once, in one table, and nothing else', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## CLIs'))
  const firstCells = [...section.matchAll(/^\|([^|]*)\|/gm)].map((m) => m[1] ?? '')
  const names = firstCells.flatMap((cell) =>
    [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]),
  )
  expect([...names].sort()).toEqual([...KNOWN_SETTINGS].sort())
})
