import { TERMINAL_STATES } from '@ops-console/contracts'
import type { Prepared } from './action-core.js'
import { realSleep, type WorkloadServiceDeps } from './service-deps.js'

/** A promise that resolves when the signal fires, and a way to drop its listener afterwards. */
export function whenAborted(signal: AbortSignal | undefined): {
  fired: Promise<void>
  dispose: () => void
} {
  let onAbort = (): void => undefined
  const fired = new Promise<void>((resolve) => {
    onAbort = () => resolve()
    signal?.addEventListener('abort', onAbort, { once: true })
  })
  return { fired, dispose: () => signal?.removeEventListener('abort', onAbort) }
}

/**
 * After an accepted stop, polls the workload until it reaches a terminal state (or the cloud
 * reports the stop failed, or it is gone) or `stopWatch.timeoutMs` passes, then writes a second
 * outcome row (source 'watcher') with the final state and the time it took.
 * Read errors while polling are tolerated: the next poll tries again.
 */
export async function watchStop(
  deps: WorkloadServiceDeps,
  intentId: string,
  p: Prepared,
  sentAtMs: number,
  shutdown?: AbortSignal,
): Promise<void> {
  const sleep = deps.sleep ?? realSleep
  const { timeoutMs, pollMs } = deps.stopWatch
  const now = () => deps.clock.now().getTime()
  let finalState: string | null = null
  let outcome: 'success' | 'failure' | 'unknown' = 'unknown'
  // Bounded by poll count as well as by time, so a stalled clock can never keep a watcher alive.
  const maxPolls = Math.max(1, Math.ceil(timeoutMs / pollMs))
  // One listener per watch, removed when it ends: the shutdown signal is shared by every watcher.
  const shutdownWatch = whenAborted(shutdown)
  for (
    let poll = 0;
    poll < maxPolls && now() - sentAtMs < timeoutMs && !shutdown?.aborted;
    poll++
  ) {
    await Promise.race([sleep(pollMs), shutdownWatch.fired])
    if (shutdown?.aborted) break
    let observed
    try {
      observed = await p.adapter.get(p.target, p.req.ref.id, { timeoutMs: Math.max(pollMs, 1000) })
    } catch (err) {
      deps.log.warn({ err, intentId }, 'stop watcher: read failed, retrying')
      continue
    }
    if (observed === null) {
      finalState = 'gone'
      outcome = 'success'
      break
    }
    if (p.adapter.stopFailed?.(observed)) {
      finalState = observed.rawStatus
      outcome = 'failure'
      break
    }
    if (TERMINAL_STATES.includes(observed.state)) {
      finalState = observed.state
      outcome = 'success'
      break
    }
  }
  shutdownWatch.dispose()
  const elapsed = now() - sentAtMs
  try {
    await deps.ledger.recordOutcome({
      intentId,
      outcome,
      httpStatus: null,
      cloudCode: null,
      cloudMessage:
        finalState !== null
          ? null
          : shutdown?.aborted
            ? 'watching ended by shutdown'
            : `no terminal state within ${timeoutMs} ms`,
      upstreamRequestId: null,
      durationMs: elapsed,
      finalState: finalState ?? 'not-confirmed',
      timeToStopMs: outcome === 'success' ? elapsed : null,
      source: 'watcher',
    })
  } catch (err) {
    deps.log.error({ err, intentId }, 'stop watcher: could not record the final state')
  }
}
