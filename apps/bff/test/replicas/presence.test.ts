import { afterEach, expect, test } from 'vitest'
import { createReplicaPair, type ReplicaPair } from './replica-pair.js'
import { killPresenceSession } from './replica-tools.js'

let pair: ReplicaPair | null = null
afterEach(async () => {
  await pair?.close()
  pair = null
})

test('a replica whose database session dropped (failover, network blip) takes its lock again on the next heartbeat', async () => {
  pair = await createReplicaPair()
  const { a, b } = pair
  expect(await b.replica.liveIds()).toEqual(new Set([a.replica.id, b.replica.id]))

  await killPresenceSession(pair, a)
  expect(await b.replica.liveIds()).toEqual(new Set([b.replica.id]))
  expect(
    pair.logLines.some((l) => l.startsWith(a.replica.id) && l.includes('database session lost')),
  ).toBe(true)

  await a.replica.beat()
  expect(await b.replica.liveIds()).toEqual(new Set([a.replica.id, b.replica.id]))
  const rows = await b.handle.db
    .selectFrom('replicas')
    .select(['id', 'lock_key'])
    .orderBy('id')
    .execute()
  expect(rows.map((r) => r.id)).toEqual([a.replica.id, b.replica.id])
  expect(rows.every((r) => Number.isInteger(r.lock_key) && Number(r.lock_key) > 0)).toBe(true)
})

test('stopping a replica removes its row and frees its lock', async () => {
  pair = await createReplicaPair()
  await pair.b.replica.stop()
  expect(await pair.a.replica.liveIds()).toEqual(new Set([pair.a.replica.id]))
  expect(await pair.a.handle.db.selectFrom('replicas').select('id').execute()).toEqual([
    { id: pair.a.replica.id },
  ])
})
