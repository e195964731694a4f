import { afterAll, expect, test } from 'vitest'
import { POLICY } from '../../src/auth/policy.js'
import { printCanaryFigures } from './canaries.js'
import { createAttackContext } from './attack-context.js'
import type { AttackCase } from './attack-case.js'
import { pathCases } from './attack-paths.js'
import { bodyCases } from './attack-bodies.js'
import { authCases, csrfCases } from './attack-csrf-auth.js'
import { textCases } from './hostile-text.js'

const CASES: AttackCase[] = [...pathCases, ...bodyCases, ...textCases, ...csrfCases, ...authCases]

afterAll(() => printCanaryFigures('attack suite'))

test('every API route in the policy table is attacked by at least one hostile input', () => {
  const covered = new Set(CASES.map((c) => c.route))
  const missing = POLICY.map((r) => `${r.method} ${r.pattern}`).filter(
    (r) => !covered.has(r) && r !== 'POST /api/auth/logout',
  )
  expect(missing).toEqual([])
  expect(CASES.length).toBeGreaterThanOrEqual(50)
})

test('hostile inputs: each refused as expected, nothing forwarded upstream for refused ones, no 5xx', async () => {
  const x = await createAttackContext()
  const wrong: string[] = []
  let forwarded = 0
  let serverErrors = 0
  try {
    for (const c of CASES) {
      const reads = x.h.upstream().length
      const mutations = x.h.mutations().length
      const res = await c.send(x)
      const checked = c.check ? await c.check(res.clone(), x) : true
      await res.text()
      await x.h.services.workloads?.idle()
      const readDelta = x.h.upstream().length - reads
      const mutationDelta = x.h.mutations().length - mutations
      const leaked = res.status >= 400 && (mutationDelta > 0 || (readDelta > 0 && !c.mayRead))
      if (leaked) forwarded++
      if (res.status >= 500) serverErrors++
      if (!c.expect.includes(res.status) || leaked || !checked)
        wrong.push(
          `${c.name}: ${res.status} (expected ${c.expect.join('/')}), ${readDelta} reads, ${mutationDelta} mutations${checked ? '' : ', check failed'}`,
        )
    }
  } finally {
    await x.h.close()
  }
  console.log(`attack suite: ${CASES.length} inputs, ${forwarded} forwarded, ${serverErrors} 5xx`)
  expect(wrong).toEqual([])
  expect(forwarded).toBe(0)
  expect(serverErrors).toBe(0)
}, 60_000)
