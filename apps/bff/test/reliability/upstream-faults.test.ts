import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, expect, test } from 'vitest'
import type { SimFault } from '@ops-console/cloud-sim'
import {
  createFaultHarness,
  requestOutcome,
  runningDli,
  stopPath,
  type Fetch,
  type FaultHarnessOptions,
} from './fault-harness.js'
import { recordFault, printFaultFigures } from './fault-figures.js'

afterAll(() => printFaultFigures('upstream faults'))

interface Expectation {
  status: number
  code: string
  outcome: 'failure' | 'unknown' | 'success'
  /** How many stop calls the simulator must have seen (never more than one). */
  sent: 0 | 1
}

/** Injects `fault` on the DLI stop call, stops a running job through the API and checks the three invariants. */
async function stopUnder(
  name: string,
  fault: SimFault | null,
  want: Expectation,
  opts: FaultHarnessOptions = {},
) {
  const h = await createFaultHarness(opts)
  try {
    const w = await runningDli(h)
    const op = await h.as('operator')
    if (fault)
      h.sim.control.injectFault({
        service: 'dli',
        method: 'POST',
        path: '/streaming/jobs/stop',
        ...fault,
      })
    const res = await op.post(stopPath(w), { reason: `fault test: ${name}` })
    const body = (await res.json()) as {
      error?: { code: string; retryAfterSeconds?: number; upstream?: Record<string, unknown> }
    }
    expect(res.status, JSON.stringify(body)).toBe(want.status)
    if (want.status !== 200) expect(body.error?.code).toBe(want.code)
    const outcome = await requestOutcome(h)
    expect(outcome.outcome).toBe(want.outcome)
    expect(h.mutations()).toHaveLength(want.sent)
    recordFault(name, h.mutations().length)
    return { res, body, h }
  } finally {
    await h.close()
  }
}

test('upstream hang on stop: 504 UPSTREAM_TIMEOUT, sent once (never retried), outcome unknown', async () => {
  await stopUnder(
    'hang',
    { kind: 'hang' },
    { status: 504, code: 'UPSTREAM_TIMEOUT', outcome: 'unknown', sent: 1 },
  )
})

test('slow body past the timeout: 504, sent once, outcome unknown (the cloud may have acted)', async () => {
  await stopUnder(
    'slow body',
    { kind: 'slow-body', ms: 5_000 },
    { status: 504, code: 'UPSTREAM_TIMEOUT', outcome: 'unknown', sent: 1 },
  )
})

test('5xx on stop: 503 UPSTREAM_UNAVAILABLE with the cloud code, sent once, outcome failure', async () => {
  const { body } = await stopUnder(
    '5xx',
    { kind: 'status', status: 500 },
    { status: 503, code: 'UPSTREAM_UNAVAILABLE', outcome: 'failure', sent: 1 },
  )
  expect(body.error?.upstream).toMatchObject({ service: 'dli', status: 500, cloudCode: 'DLI.0999' })
})

test('429 with Retry-After in seconds: not resent, the wait is passed on to the caller', async () => {
  const { res, body } = await stopUnder(
    '429 seconds',
    { kind: 'rate-limit', retryAfter: '17' },
    { status: 503, code: 'UPSTREAM_UNAVAILABLE', outcome: 'failure', sent: 1 },
  )
  expect(body.error?.retryAfterSeconds).toBe(17)
  expect(res.headers.get('retry-after')).toBe('17')
})

test('429 with Retry-After as an HTTP-date: converted to seconds from now', async () => {
  const at = new Date(Date.now() + 40_000).toUTCString()
  const { res, body } = await stopUnder(
    '429 http-date',
    { kind: 'rate-limit', retryAfter: at },
    { status: 503, code: 'UPSTREAM_UNAVAILABLE', outcome: 'failure', sent: 1 },
  )
  expect(body.error?.retryAfterSeconds).toBeGreaterThanOrEqual(35)
  expect(body.error?.retryAfterSeconds).toBeLessThanOrEqual(40)
  expect(Number(res.headers.get('retry-after'))).toBe(body.error?.retryAfterSeconds)
})

test('connection reset during stop: 503, sent once, outcome unknown', async () => {
  await stopUnder(
    'reset',
    { kind: 'reset' },
    { status: 503, code: 'UPSTREAM_UNAVAILABLE', outcome: 'unknown', sent: 1 },
  )
})

test('connection refused on stop: 503, nothing reached the cloud, outcome failure (certainly not executed)', async () => {
  const closed = createServer()
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
  const port = (closed.address() as AddressInfo).port
  await new Promise<void>((r) => closed.close(() => r()))
  // Reads reach the simulator; the stop goes to a loopback port nobody listens on (a real ECONNREFUSED).
  const wrapFetch =
    (base: Fetch): Fetch =>
    (url, init) =>
      init.method === 'POST' && url.includes('/streaming/jobs/stop')
        ? fetch(url.replace(/^http:\/\/127\.0\.0\.1:\d+/, `http://127.0.0.1:${port}`), init)
        : base(url, init)
  const { body } = await stopUnder(
    'refused',
    null,
    { status: 503, code: 'UPSTREAM_UNAVAILABLE', outcome: 'failure', sent: 0 },
    { wrapFetch },
  )
  expect(JSON.stringify(body)).toContain('ECONNREFUSED')
})

test('redirect on stop: not followed, so the signature never reaches the other host; 502, outcome unknown', async () => {
  const seen: string[] = []
  const trap = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} auth=${req.headers.authorization ?? ''}`)
    res.end('{}')
  })
  await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r))
  const location = `http://127.0.0.1:${(trap.address() as AddressInfo).port}/steal`
  try {
    const { body } = await stopUnder(
      'redirect',
      { kind: 'redirect', status: 307, location },
      { status: 502, code: 'UPSTREAM_ERROR', outcome: 'unknown', sent: 1 },
    )
    expect(JSON.stringify(body)).not.toContain(location)
    expect(seen).toEqual([])
  } finally {
    trap.closeAllConnections()
    await new Promise<void>((r) => trap.close(() => r()))
  }
})

test('malformed JSON answering a stop: 502 UPSTREAM_ERROR, sent once, outcome unknown', async () => {
  await stopUnder(
    'malformed json',
    { kind: 'malformed-json' },
    { status: 502, code: 'UPSTREAM_ERROR', outcome: 'unknown', sent: 1 },
  )
})
