import { afterAll, expect, test } from 'vitest'
import {
  createFaultHarness,
  requestOutcome,
  runningDli,
  stopPath,
  type Fetch,
} from './fault-harness.js'
import { printFaultFigures, recordFault } from './fault-figures.js'

afterAll(() => printFaultFigures('auth faults'))

const DAY_MS = 24 * 3_600_000
const iamCalls = (h: Awaited<ReturnType<typeof createFaultHarness>>) =>
  h.upstream().filter((r) => r.service === 'iam')

test('expired token: the stop gets 401, the client refreshes once and the service receives the stop once', async () => {
  let expired = false
  // Expire the cached token in the cloud (its clock jumps a day) just as the stop is sent.
  const wrapFetch =
    (base: Fetch, sim: { control: { advance(ms: number): void } }): Fetch =>
    (url, init) => {
      if (!expired && init.method === 'POST' && url.includes('/streaming/jobs/stop')) {
        expired = true
        sim.control.advance(DAY_MS + 60_000)
      }
      return base(url, init)
    }
  const h = await createFaultHarness({ credentials: 'password', wrapFetch })
  try {
    const w = await runningDli(h)
    const tokensBefore = iamCalls(h).length
    const res = await (
      await h.as('operator')
    ).post(stopPath(w), { reason: 'fault test: expired token' })
    expect(res.status).toBe(200)
    expect(iamCalls(h).length - tokensBefore).toBe(1)
    const stops = h.mutations()
    expect(stops.map((r) => r.status)).toEqual([401, 200])
    expect(stops.filter((r) => r.status < 400)).toHaveLength(1)
    expect((await requestOutcome(h)).outcome).toBe('success')
    recordFault('expired token', stops.filter((r) => r.status < 400).length)
  } finally {
    await h.close()
  }
})

test('IAM down while the cached token is valid: the stop still works and IAM is not asked', async () => {
  const h = await createFaultHarness({ credentials: 'password' })
  try {
    const w = await runningDli(h)
    h.sim.control.injectFault({ service: 'iam', kind: 'status', status: 503 })
    const before = iamCalls(h).length
    const res = await (await h.as('operator')).post(stopPath(w), { reason: 'fault test: iam down' })
    expect(res.status).toBe(200)
    expect(iamCalls(h).length).toBe(before)
    expect(h.mutations()).toHaveLength(1)
    expect((await requestOutcome(h)).outcome).toBe('success')
    recordFault('iam down, token cached', h.mutations().length)
  } finally {
    await h.close()
  }
})
