import { afterAll, expect, test } from 'vitest'
import {
  createFaultHarness,
  requestOutcome,
  runningDli,
  sessionHeaders,
  stopPath,
} from './fault-harness.js'
import { printFaultFigures, recordFault } from './fault-figures.js'

afterAll(() => printFaultFigures('client-side faults'))

/**
 * Sends a stop through the API with `signal` (the handler sees it aborted, as under a real server);
 * resolves null when the caller gave up before the answer, as a browser or proxy would.
 */
function stopWithSignal(
  h: Awaited<ReturnType<typeof createFaultHarness>>,
  path: string,
  jar: Map<string, string>,
  reason: string,
  signal: AbortSignal,
) {
  const gaveUp = new Promise<null>((resolve) =>
    signal.addEventListener('abort', () => resolve(null), { once: true }),
  )
  const answer = Promise.resolve(
    h.app.request(path, {
      method: 'POST',
      body: JSON.stringify({ reason }),
      headers: sessionHeaders(jar),
      signal,
    }),
  ).catch(() => null)
  return Promise.race([answer, gaveUp])
}

test('client disconnect mid-stop: the stop is not cancelled, sent once, its outcome recorded', async () => {
  const h = await createFaultHarness()
  try {
    const w = await runningDli(h)
    const op = await h.as('operator')
    h.sim.control.injectFault({
      service: 'dli',
      method: 'POST',
      path: '/streaming/jobs/stop',
      kind: 'latency',
      ms: 150,
    })
    const controller = new AbortController()
    const pending = stopWithSignal(
      h,
      stopPath(w),
      op.jar,
      'fault test: disconnect',
      controller.signal,
    )
    await new Promise((r) => setTimeout(r, 40))
    controller.abort()
    expect(await pending).toBeNull()
    expect((await requestOutcome(h)).outcome).toBe('success')
    expect(h.mutations()).toHaveLength(1)
    recordFault('client disconnect', h.mutations().length)
  } finally {
    await h.close()
  }
})

test('request timeout mid-stop (proxy deadline): the stop completes once, and the retry the user sends is refused, not re-sent', async () => {
  const h = await createFaultHarness()
  try {
    const w = await runningDli(h)
    const op = await h.as('operator')
    h.sim.control.injectFault({
      service: 'dli',
      method: 'POST',
      path: '/streaming/jobs/stop',
      kind: 'latency',
      ms: 200,
    })
    const first = await stopWithSignal(
      h,
      stopPath(w),
      op.jar,
      'fault test: request timeout',
      AbortSignal.timeout(50),
    )
    expect(first).toBeNull()
    expect((await requestOutcome(h)).outcome).toBe('success')
    const retry = await op.post(stopPath(w), { reason: 'fault test: request timeout (retry)' })
    expect(retry.status).toBe(409)
    expect(((await retry.json()) as { error: { code: string } }).error.code).toBe(
      'ACTION_NOT_ALLOWED',
    )
    expect(h.mutations()).toHaveLength(1)
    recordFault('request timeout', h.mutations().length)
  } finally {
    await h.close()
  }
})
