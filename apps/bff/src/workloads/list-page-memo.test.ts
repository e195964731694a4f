import { expect, test } from 'vitest'
import { ListQuery } from '@ops-console/contracts'
import { HEAD_CHECK_TTL_MS } from '../audit/last-actions-memo.js'
import { createLedger } from '../audit/ledger.js'
import { intentInput } from '../testing/audit-fixtures.js'
import { createHarness, META, user } from './testing/workloads-harness.js'

const q = ListQuery.parse({ limit: 5000 })

test('repeated identical lists share one answer; another role gets its own actions', async () => {
  const h = await createHarness({ listCacheTtlMs: 60_000 })
  const list = () => h.services.workloads.list(user('viewer'), 'dli-flink-job', q)
  const first = await list()
  expect(await list()).toBe(first)
  const operator = await h.services.workloads.list(user('operator'), 'dli-flink-job', q)
  const running = operator.items.find((w) => w.rawStatus === 'job_running')
  if (!running) throw new Error('no running DLI job')
  expect(running.actions.stop.allowed).toBe(true)
  const asViewer = first.items.find((w) => w.id === running.id && w.target === running.target)
  expect(asViewer?.actions.stop.allowed).toBe(false)
  await h.close()
})

test('a list after our own stop shows the new lastAction', async () => {
  const h = await createHarness({ sim: { stopDelayMs: 10 * 60_000 }, listCacheTtlMs: 60_000 })
  const list = () => h.services.workloads.list(user('operator'), 'dli-flink-job', q)
  const w = (await list()).items.find((x) => x.rawStatus === 'job_running')
  if (!w) throw new Error('no running DLI job')
  expect(w.lastAction).toBeNull()
  await list() // memoised now
  await h.services.workloads.stop(user('operator'), w, { reason: 'runaway job' }, META)
  const after = (await list()).items.find((x) => x.id === w.id && x.target === w.target)
  expect(after?.lastAction).toMatchObject({
    action: 'stop',
    actor: 'operator',
    reason: 'runaway job',
  })
  await h.close()
})

test('a stop recorded by another replica shows within the head TTL while the listing stays cached', async () => {
  const h = await createHarness({ listCacheTtlMs: 60_000 })
  const list = () => h.services.workloads.list(user('viewer'), 'dli-flink-job', q)
  const w = (await list()).items[0]
  if (!w) throw new Error('no DLI job')
  expect(w.lastAction).toBeNull()
  const upstreamBefore = h.upstream().length

  // Another BFF process on the same database: this process's ledger is not told.
  const remote = createLedger(h.ctx.deps.db, h.ctx.clock)
  await remote.recordIntent(
    intentInput({
      kind: w.kind,
      target: w.target,
      workloadId: w.id,
      workloadName: w.name,
      reason: 'elsewhere',
    }),
  )
  h.ctx.clock.advance(HEAD_CHECK_TTL_MS)
  const after = (await list()).items.find((x) => x.id === w.id && x.target === w.target)
  expect(after?.lastAction).toMatchObject({ action: 'stop', reason: 'elsewhere' })
  expect(h.upstream()).toHaveLength(upstreamBefore)
  await h.close()
})
