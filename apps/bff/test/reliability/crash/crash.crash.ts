import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'
import { formatFigures, runCrash, type CrashFigures } from './crash-run.js'

const WRONG_ENTRY = fileURLToPath(new URL('./audit-after-call-bff.ts', import.meta.url))

/** The invariants every correct run must hold. */
function expectSafe(f: CrashFigures): void {
  console.log(formatFigures(f))
  expect(f.seenBySim).toBeGreaterThanOrEqual(100)
  expect(f.kindsSeen).toBe(5)
  expect(f.unrecognised).toBe(0)
  expect(f.withoutIntent).toBe(0)
  expect(f.sentTwice).toBe(0)
  expect(f.reconciled).toBe(f.danglingIntents)
  expect(f.openAfterRestart).toBe(0)
  expect(f.resentAfterRestart).toBe(0)
  expect(f.chainOk).toBe(true)
}

for (const run of [1, 2, 3]) {
  test(`run ${run}: 200 concurrent stops, kill -9 after 100 reached the cloud, restart (SQLite)`, async () => {
    expectSafe(await runCrash({ db: 'sqlite', replicas: 1 }))
  })
}

for (const run of [1, 2]) {
  test(`run ${run}: two BFFs sharing PostgreSQL, kill -9 one of them, restart it`, async () => {
    expectSafe(await runCrash({ db: 'postgres', replicas: 2 }))
  })
}

test('negative control: a BFF that audits after the cloud call is caught (stops the cloud saw with no intent)', async () => {
  const f = await runCrash({ db: 'sqlite', replicas: 1, entry: WRONG_ENTRY })
  console.log(formatFigures(f))
  expect(f.seenBySim).toBeGreaterThanOrEqual(100)
  expect(f.withoutIntent).toBeGreaterThan(0)
})
