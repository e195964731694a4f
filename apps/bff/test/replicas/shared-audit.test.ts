import { afterEach, expect, test } from 'vitest'
import type { WorkloadAuditEntry } from '@ops-console/contracts'
import { createReplicaPair, PASSWORD, stoppableDliJobs, type ReplicaPair } from './replica-pair.js'

let pair: ReplicaPair | null = null
afterEach(async () => {
  await pair?.close()
  pair = null
})

const N = 8

test(`2 × ${N} concurrent stops split across A and B write one gap-free, valid chain; B's audit view shows A's entries`, async () => {
  pair = await createReplicaPair()
  const jobs = await stoppableDliJobs(pair, 2 * N)
  const onA = pair.a.browser()
  const onB = pair.b.browser()
  await Promise.all([onA.login('operator', PASSWORD), onB.login('operator', PASSWORD)])

  const statuses = await Promise.all(
    jobs.map((w, i) =>
      (i % 2 === 0 ? onA : onB)
        .post(`/api/workloads/${w.kind}/${w.target}/${w.id}/stop`, { reason: `replica stop ${i}` })
        .then((r) => r.status),
    ),
  )
  expect(statuses).toEqual(jobs.map(() => 200))
  await Promise.all([pair.a.services.workloads.idle(), pair.b.services.workloads.idle()])

  const { a, b } = pair
  // Both replicas check the same chain through their own pools (the two sign-ins are in it too).
  for (const r of [a, b])
    expect(await r.platform.ledger.verify()).toMatchObject({ ok: true, rows: 2 + 3 * 2 * N })
  const rows = await pair.auditRows()
  expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1))
  const intents = rows.filter((r) => r.type === 'intent')
  expect(intents).toHaveLength(2 * N)
  expect(
    intents.filter((r) => (r.body.options as { replica?: string }).replica === a.replica.id),
  ).toHaveLength(N)
  expect(
    intents.filter((r) => (r.body.options as { replica?: string }).replica === b.replica.id),
  ).toHaveLength(N)
  // Every intent: exactly one outcome from its request (success) and one from its stop watcher.
  for (const intent of intents) {
    const outcomes = rows
      .filter((r) => r.type === 'outcome' && r.intentId === intent.intentId)
      .map((r) => [r.body.source, r.body.outcome])
    expect(outcomes).toEqual([
      ['request', 'success'],
      ['watcher', 'success'],
    ])
  }
  expect(await a.platform.ledger.openIntents()).toEqual([])

  // B's audit page lists every stop, including the ones A performed, with A's outcomes.
  const viewer = pair.b.browser()
  await viewer.login('viewer', PASSWORD)
  const page = (await (await viewer.get(`/api/audit?limit=100&action=workload.stop`)).json()) as {
    items: WorkloadAuditEntry[]
  }
  expect(page.items).toHaveLength(2 * N)
  const byA = page.items.filter((e) => e.options.replica === a.replica.id)
  expect(byA.map((e) => e.reason).sort()).toEqual(
    jobs
      .map((_, i) => `replica stop ${i}`)
      .filter((_, i) => i % 2 === 0)
      .sort(),
  )
  expect(byA.every((e) => e.outcome?.outcome === 'success' && e.finalState === 'stopped')).toBe(
    true,
  )
})
